"""The packaged program (`desktop.app.main`) hands a subcommand to the command line with every
global option, so the command acts as the person named (issue 13 §6)."""

import desktop.cli as cli


def test_packaged_build_forwards_user_to_the_command(monkeypatch, tmp_path):
    import desktop.app

    seen = {}

    class Recording(cli.CommandContext):
        def __init__(self, data_dir, user):
            seen.update(data_dir=data_dir, user=user)
            super().__init__(data_dir=data_dir, user=user)

        def run(self, handler, args) -> int:
            return 0

    monkeypatch.setattr(cli, "CommandContext", Recording)
    code = desktop.app.main(["--data-dir", str(tmp_path), "--user", "李四", "stats"])
    assert code == 0
    assert seen == {"data_dir": str(tmp_path), "user": "李四"}


def test_packaged_build_forwards_every_global_option(monkeypatch, tmp_path):
    """`--lang` too: the packaged program's command speaks the language asked for, even where
    the locale says otherwise."""
    import desktop.app
    from desktop import messages
    from models.messages import language as language_state

    seen = {}

    class Recording(cli.CommandContext):
        def run(self, handler, args) -> int:
            seen.update(user=self.user, lang=messages.language())
            return 0

    monkeypatch.setattr(cli, "CommandContext", Recording)
    monkeypatch.setenv("LANG", "C")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setattr(language_state, "_language", messages.ENGLISH)  # restored after the test
    argv = ["--data-dir", str(tmp_path), "--user", "李四", "--lang", "zh_CN", "stats"]
    assert {flag for flag, _ in cli.GLOBAL_OPTIONS} <= set(argv)
    assert desktop.app.main(argv) == 0
    assert seen == {"user": "李四", "lang": messages.CHINESE}
