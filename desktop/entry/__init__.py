"""The clerk's entry screen: batch header, rapid keying of paper forms, double-entry verification."""
