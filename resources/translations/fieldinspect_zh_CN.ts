<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountabilityPage</name>
    <message>
        <location filename="../../desktop/pages/people.py" line="1"/>
        <source>Edit accountability case</source>
        <translation>修改问责案件</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="1"/>
        <source>New accountability case</source>
        <translation>新建问责案件</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="83"/>
        <source>Accountability</source>
        <translation>问责</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="86"/>
        <location filename="../../desktop/pages/people.py" line="95"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="91"/>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="92"/>
        <source>Person</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="93"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="94"/>
        <source>Violation</source>
        <translation>违纪事实</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="96"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/accountability.py" line="1"/>
        <source>Problems the case was opened for (%1)</source>
        <translation>问责涉及的问题（%1件）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/accountability.py" line="1"/>
        <source>%1 problems past their deadline unrectified in %2</source>
        <translation>在%2中有%1个问题逾期未整改</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>Publish in the exposure notice</source>
        <translation>列入曝光通报</translation>
    </message>
</context>
<context>
    <name>BatchHeaderWidget</name>
    <message>
        <location filename="../../desktop/entry/batch_header.py" line="44"/>
        <source>type part of the unit&apos;s name</source>
        <translation>输入单位名称的一部分</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/batch_header.py" line="51"/>
        <source>Start keying the batch</source>
        <translation>开始录入本批</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/batch_header.py" line="57"/>
        <source>Continue this batch</source>
        <translation>继续录入此批</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/batch_header.py" line="60"/>
        <source>Campaign</source>
        <translation>评议活动</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/batch_header.py" line="61"/>
        <source>Respondent group</source>
        <translation>评议群体</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/batch_header.py" line="62"/>
        <source>Evaluated unit</source>
        <translation>被评议单位</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/batch_header.py" line="63"/>
        <source>Date on the forms</source>
        <translation>评议日期</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/batch_header.py" line="64"/>
        <source>Forms in the batch (cover count)</source>
        <translation>本批表数（封面所记）</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/batch_header.py" line="67"/>
        <source>Or continue a batch left open:</source>
        <translation>或继续未关闭的批次：</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/batch_header.py" line="112"/>
        <source>No campaign on this device yet: a supervisor creates one under HQ administration, or it arrives by sync.</source>
        <translation>本机尚无评议活动：请主管在“总部管理”中创建，或通过同步获得。</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/batch_header.py" line="117"/>
        <source>Choose the evaluated unit from the list.</source>
        <translation>请从列表中选择被评议单位。</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/batch_header.py" line="90"/>
        <source>cover: %1 forms</source>
        <translation>封面 %1 张</translation>
    </message>
</context>
<context>
    <name>CampaignsPanel</name>
    <message>
        <location filename="../../desktop/pages/admin.py" line="1"/>
        <source>Edit campaign</source>
        <translation>修改评议活动</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/admin.py" line="1"/>
        <source>New campaign</source>
        <translation>新建评议活动</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/admin.py" line="37"/>
        <source>Campaigns</source>
        <translation>评议活动</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/admin.py" line="41"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/admin.py" line="42"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/admin.py" line="43"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/admin.py" line="44"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/admin.py" line="45"/>
        <source>Weight: satisfied</source>
        <translation>权重：满意</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/admin.py" line="46"/>
        <source>Weight: fairly satisfied</source>
        <translation>权重：比较满意</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/admin.py" line="47"/>
        <source>Weight: basically satisfied</source>
        <translation>权重：基本满意</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/admin.py" line="49"/>
        <source>Weight: dissatisfied</source>
        <translation>权重：不满意</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/admin.py" line="50"/>
        <source>Minimum sample</source>
        <translation>最低样本数</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/admin.py" line="51"/>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/admin.py" line="73"/>
        <source>HQ sets the weights and the minimum sample; this device reads them.</source>
        <translation>权重和最低样本数由总部设定，本设备只读。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/admin.py" line="55"/>
        <source>Open campaign</source>
        <translation>开启评议活动</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/admin.py" line="56"/>
        <source>Close campaign</source>
        <translation>关闭评议活动</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>Advanced: top % of each category</source>
        <translation>先进：各类别前百分比</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>Last band: last units of each category</source>
        <translation>末位：各类别最后名数</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>Appraisal points for a score of 100</source>
        <translation>测评得分100分折合考核分值</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>HQ sets the weights, the minimum sample, the bands, the appraisal points and the grouping by category; this device reads them.</source>
        <translation>权重、最低样本数、等次、考核分值和是否按考评类别排名由总部设置；本设备只读。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>Rank within each appraisal category</source>
        <translation>按考评类别分别排名</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <location filename="../../desktop/pages/devices.py" line="100"/>
        <source>Enrollment code</source>
        <translation>登记码</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="101"/>
        <source>Type this code on the new device (Enroll with headquarters). It works once, and only for a limited time.</source>
        <translation>请在新设备上输入此登记码（“向总部登记”）。登记码仅可使用一次，且有时限。</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="120"/>
        <source>Nothing waits for you: no refused entries, no conflicts.</source>
        <translation>没有待处理事项：无被拒绝的记录，无冲突。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="124"/>
        <source>Keep HQ&apos;s value</source>
        <translation>保留总部的值</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="125"/>
        <source>Keep my value</source>
        <translation>保留我的值</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="126"/>
        <source>Mark as settled</source>
        <translation>标记为已处理</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="131"/>
        <source>A supervisor settles conflicts.</source>
        <translation>冲突由负责人处理。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="141"/>
        <source>Both values</source>
        <translation>两个值对照</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="157"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="157"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="157"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="157"/>
        <source>Reason from HQ</source>
        <translation>总部说明的原因</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="162"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="162"/>
        <source>Value kept at HQ</source>
        <translation>总部保留的值</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="162"/>
        <source>Your value</source>
        <translation>本机的值</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="179"/>
        <source>Not sent yet</source>
        <translation>尚未发送</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="179"/>
        <source>Refused by HQ</source>
        <translation>总部拒收</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="181"/>
        <source>Same form number</source>
        <translation>表号重复</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="189"/>
        <source>This store is a copy: enroll it again with a new code</source>
        <translation>本机数据为副本：请用新的登记码重新登记</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="191"/>
        <source>Another form carries the same number</source>
        <translation>另一张评议表表号相同</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="188"/>
        <source>%1 is out of range: HQ takes dates and times from 1900 to 2999.</source>
        <translation>%1超出范围：总部只接受1900年至2999年之间的日期和时间。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="193"/>
        <source>Deleted on one device, edited on another</source>
        <translation>一台设备删除、另一台设备修改</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="194"/>
        <source>%1 was changed on two devices</source>
        <translation>“%1”在两台设备上都被修改</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="245"/>
        <source>HQ already holds a different change under this number from the computer this store was restored or copied from. Nothing was lost: the change is kept here. Enroll this computer again with a new enrollment code from headquarters; the change is sent at the next sync and this entry then settles itself.</source>
        <translation>总部已从本机数据的来源电脑（本机由其备份恢复或复制而来）收到同一编号的另一项修改。没有数据丢失：此项修改仍保存在本机。请向总部申请新的登记码重新登记本机；此项修改将在下次同步时发送，本条随后自动了结。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="241"/>
        <source>HQ refused this change and did not store it: %1</source>
        <translation>总部拒收了此项修改，未予保存：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="244"/>
        <source>Two paper forms carry the same number. Keep one: the other is voided.</source>
        <translation>两张纸质评议表表号相同。请保留其中一张，另一张将作废。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="247"/>
        <source>The record was deleted; the delete stands and the edit is shown here.</source>
        <translation>该记录已被删除；删除有效，此处显示被搁置的修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="249"/>
        <source>The same field was changed on another device first. Keep one value; your choice is sent to HQ at the next sync.</source>
        <translation>同一字段已先在另一台设备上修改。请保留其中一个值；您的选择将在下次同步时发送至总部。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="265"/>
        <source>Same paper form number keyed twice</source>
        <translation>同一纸质表号重复录入</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="165"/>
        <source>Sync issues</source>
        <translation>同步问题</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="182"/>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="182"/>
        <source>Held back on this device</source>
        <translation>暂存本机，未上报</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="193"/>
        <source>Too large to send (%1 MB; one record may take %2 MB)</source>
        <translation>记录过大，无法上报（%1 MB；单条记录最多 %2 MB）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="251"/>
        <source>This record is too large to send to HQ, so it stays on this device and the rest of your work was sent. Shorten its longest text; it goes to HQ with that change.</source>
        <translation>这条记录过大，无法上报总部，因此暂存在本机；其余数据已上报。请缩短其中最长的文字，修改后会随之上报总部。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="255"/>
        <source>HQ refused this record, so it stays on this device and the rest of your work was sent: %1. Correct it; it goes to HQ with that change.</source>
        <translation>总部拒收了这条记录，因此暂存在本机；其余数据已上报：%1。请修正该记录，修改后会随之上报总部。</translation>
    </message>
</context>
<context>
    <name>CriticismsPage</name>
    <message>
        <location filename="../../desktop/pages/people.py" line="1"/>
        <source>Edit criticism</source>
        <translation>修改批评教育记录</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="1"/>
        <source>New criticism</source>
        <translation>新建批评教育记录</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="31"/>
        <source>Criticisms</source>
        <translation>批评教育</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="35"/>
        <location filename="../../desktop/pages/people.py" line="43"/>
        <source>Sanction</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="39"/>
        <source>Person</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="40"/>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="41"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="42"/>
        <source>Behaviour</source>
        <translation>问题行为</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="44"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="45"/>
        <source>Decided by</source>
        <translation>决定人</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="68"/>
        <source>No earlier cases for %1.</source>
        <translation>%1 无既往记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="74"/>
        <source>Earlier cases of %1:</source>
        <translation>%1 的既往记录：</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="63"/>
        <source>Evaluation forms</source>
        <translation>评议表</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="63"/>
        <source>Overall satisfaction rate</source>
        <translation>综合满意率</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="64"/>
        <source>Weighted score</source>
        <translation>测评得分</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="64"/>
        <source>Units evaluated</source>
        <translation>被评议单位</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="65"/>
        <source>Visits done</source>
        <translation>已完成走访</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="65"/>
        <source>Opinions and suggestions</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="66"/>
        <source>Problems investigated</source>
        <translation>已受理调查问题</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="66"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="67"/>
        <source>Staff criticised</source>
        <translation>批评教育人员</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="67"/>
        <source>Disciplinary cases</source>
        <translation>违纪案件</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="91"/>
        <source>Dashboard</source>
        <translation>总览</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="95"/>
        <source>All campaigns</source>
        <translation>全部评议活动</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="100"/>
        <source>Campaign</source>
        <translation>评议活动</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="103"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="103"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="138"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="161"/>
        <source>%1 dissatisfied</source>
        <translation>不满意 %1 份</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="164"/>
        <source>%1 ranked</source>
        <translation>参与排名 %1 个</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="167"/>
        <source>%1 public events, %2 planned</source>
        <translation>公开评议活动 %1 次，计划 %2 次</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="172"/>
        <source>%1 sorted</source>
        <translation>已梳理 %1 条</translation>
    </message>
    <message>
        <source>%1 replied</source>
        <translation>已答复 %1 人</translation>
    </message>
    <message>
        <source>%1 replied, %2 satisfied</source>
        <translation>已答复 %1 人，满意率 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="175"/>
        <source>%1 rectified of %2</source>
        <translation>共 %2 个，已整改 %1 个</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="177"/>
        <source>past their deadline</source>
        <translation>超过整改期限</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="183"/>
        <source>%1 people sanctioned, %2 units held accountable</source>
        <translation>处分 %1 人，问责单位 %2 个</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/dashboard.py" line="1"/>
        <source>Double-click a unit to open its figures.</source>
        <translation>双击单位可查看其各项数据。</translation>
    </message>
</context>
<context>
    <name>DevicesPanel</name>
    <message>
        <location filename="../../desktop/pages/devices.py" line="131"/>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="131"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="131"/>
        <source>Inspection team</source>
        <translation>督查组</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="131"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="132"/>
        <source>Last sync</source>
        <translation>最近同步</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="142"/>
        <source>Enroll a device…</source>
        <translation>登记设备…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="143"/>
        <location filename="../../desktop/pages/devices.py" line="223"/>
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="144"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="174"/>
        <source>Devices are enrolled, revoked and listed with their last sync through the HQ server. Enroll this computer with the HQ server (Settings) to manage them.</source>
        <translation>设备的登记、吊销及最近同步情况均通过总部服务器管理。请先将本机登记到总部服务器（见“设置”），再管理设备。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="183"/>
        <source>HQ did not answer: %1</source>
        <translation>总部无应答：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/pages/devices.py" line="186"/>
        <source>%n device(s) known to HQ.</source>
        <translation>
            <numerusform>总部已登记 %n 台设备。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="192"/>
        <source>Active</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="192"/>
        <source>Waiting for its code</source>
        <translation>等待输入登记码</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="193"/>
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="224"/>
        <source>Revoke %1? It stops syncing at once and wipes its records at its next contact.</source>
        <translation>吊销 %1？该设备将立即停止同步，并在下次联络总部时清除其中的记录。</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Cut or rewritten: %1</source>
        <translation>被截断或改写：%1</translation>
    </message>
    <message>
        <source>Intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="213"/>
        <source>the log now ends at entry %1; HQ holds entry %2</source>
        <translation>日志现在止于第 %1 条；总部保存到第 %2 条</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="214"/>
        <source>the device did not vouch for entry %2, which HQ holds</source>
        <translation>设备未确认总部保存的第 %2 条</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="215"/>
        <source>the device started from entry %1, which HQ never accepted</source>
        <translation>设备从第 %1 条开始上报，但总部从未接受过该条</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="217"/>
        <source>entry %1 differs from the one HQ holds (history rewritten)</source>
        <translation>第 %1 条与总部保存的不一致（历史被改写）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="219"/>
        <source>the device did not send its entries from entry %1 to its head, entry %3</source>
        <translation>设备未上报从第 %1 条到最新第 %3 条之间的日志</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="221"/>
        <source>the entries after entry %1 do not lead to the head the device reports (history rewritten)</source>
        <translation>第 %1 条之后的日志推算不出设备上报的最新条目（历史被改写）</translation>
    </message>
</context>
<context>
    <name>EnrollDeviceDialog</name>
    <message>
        <location filename="../../desktop/pages/devices.py" line="38"/>
        <source>Enroll a device</source>
        <translation>登记设备</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="57"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="58"/>
        <source>Inspection team</source>
        <translation>督查组</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="59"/>
        <source>Representative</source>
        <translation>评议代表</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="60"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/devices.py" line="61"/>
        <source>Label</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../../desktop/startup.py" line="188"/>
        <source>Enroll with headquarters</source>
        <translation>向总部登记</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="189"/>
        <source>Headquarters gives you the server address and a one-time enrollment code for this computer.</source>
        <translation>总部会提供服务器地址和本机专用的一次性登记码。</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="199"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="200"/>
        <source>Enrollment code</source>
        <translation>登记码</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="218"/>
        <source>Type the server address and the enrollment code.</source>
        <translation>请输入服务器地址和登记码。</translation>
    </message>
</context>
<context>
    <name>EntryLabels</name>
    <message>
        <location filename="../../desktop/entry/level_keys.py" line="170"/>
        <source>Observes discipline</source>
        <translation>遵守纪律</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/level_keys.py" line="171"/>
        <source>Acts according to law</source>
        <translation>依法办事</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/level_keys.py" line="172"/>
        <source>Service quality</source>
        <translation>服务质量</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/level_keys.py" line="173"/>
        <source>Integrity</source>
        <translation>廉洁自律</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/level_keys.py" line="174"/>
        <source>Work efficiency</source>
        <translation>工作效率</translation>
    </message>
</context>
<context>
    <name>EntryPage</name>
    <message>
        <location filename="../../desktop/pages/entry.py" line="17"/>
        <source>Rapid entry of paper forms will appear here. Until then, add forms on the Evaluations page.</source>
        <translation>纸质评议表快速录入将在此处提供。在此之前，请在“评议表”页面添加。</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/page.py" line="71"/>
        <source>Key forms</source>
        <translation>录入评议表</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/page.py" line="79"/>
        <source>Verify a batch</source>
        <translation>复核录入</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/page.py" line="81"/>
        <source>Settle differences</source>
        <translation>处理差异</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/page.py" line="87"/>
        <location filename="../../desktop/pages/entry.py" line="25"/>
        <source>Form entry</source>
        <translation>评议表录入</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Clerks&apos; figures</source>
        <translation>录入员统计</translation>
    </message>
</context>
<context>
    <name>EntryScreen</name>
    <message>
        <location filename="../../desktop/entry/entry_screen.py" line="43"/>
        <source>Form number</source>
        <translation>表号</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/entry_screen.py" line="43"/>
        <source>Level</source>
        <translation>评议等次</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/entry_screen.py" line="43"/>
        <source>Reason</source>
        <translation>不满意原因</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/entry_screen.py" line="44"/>
        <source>Keyed by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/entry_screen.py" line="56"/>
        <source>Correct last form (F2)</source>
        <translation>更正上一张 (F2)</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/entry_screen.py" line="58"/>
        <source>Close batch… (Ctrl+Shift+E)</source>
        <translation>关闭本批… (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/entry_screen.py" line="72"/>
        <source>Close the batch (Enter)</source>
        <translation>关闭本批 (回车)</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/entry_screen.py" line="74"/>
        <source>Keep keying (Esc)</source>
        <translation>继续录入 (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/entry_screen.py" line="98"/>
        <source>Forms of this batch (F4, then Enter to correct one)</source>
        <translation>本批已录表（按 F4，再按回车更正所选表）</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/entry_screen.py" line="154"/>
        <source>%1 of %2 forms</source>
        <translation>已录 %1 / 共 %2 张</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/entry_screen.py" line="183"/>
        <source>Saving form %1…</source>
        <translation>正在保存 %1 号表…</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/entry_screen.py" line="195"/>
        <source>Saved form %1.</source>
        <translation>%1 号表已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/entry_screen.py" line="200"/>
        <source>Corrected form %1.</source>
        <translation>%1 号表已更正。</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/entry_screen.py" line="218"/>
        <source>Correcting form %1: Enter saves the correction, Esc cancels.</source>
        <translation>正在更正 %1 号表：回车保存更正，Esc 取消。</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/entry_screen.py" line="240"/>
        <source>The cover says %1 forms; %2 were keyed: %3 missing.</source>
        <translation>封面记 %1 张，已录 %2 张：缺 %3 张。</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/entry_screen.py" line="242"/>
        <source>The cover says %1 forms; %2 were keyed: %3 more than the cover.</source>
        <translation>封面记 %1 张，已录 %2 张：比封面多 %3 张。</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/entry_screen.py" line="244"/>
        <source>The cover says %1 forms; %2 were keyed: the count matches.</source>
        <translation>封面记 %1 张，已录 %2 张：数量相符。</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/entry_screen.py" line="43"/>
        <source>Suggestion</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/entry_screen.py" line="171"/>
        <source>Save this form (Enter) or discard the keys typed after it (Esc) first.</source>
        <translation>请先保存本表（回车），或放弃其后键入的按键（Esc）。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/errors.py" line="28"/>
        <source>Please correct the entry</source>
        <translation>请更正录入内容</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="30"/>
        <source>Not allowed</source>
        <translation>不允许此操作</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="32"/>
        <source>Record not found</source>
        <translation>记录不存在</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="34"/>
        <source>Changed elsewhere</source>
        <translation>记录已在别处修改</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="36"/>
        <source>Store locked</source>
        <translation>数据库已锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="38"/>
        <source>Store too new</source>
        <translation>数据库版本过新</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="40"/>
        <source>Headquarters unreachable</source>
        <translation>无法连接总部</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="41"/>
        <source>Something went wrong</source>
        <translation>出现错误</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="55"/>
        <source>An unexpected error occurred; it was written to the log. Nothing half-finished was saved.</source>
        <translation>发生意外错误，已写入日志。未保存任何不完整的数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="30"/>
        <source>Cannot save there</source>
        <translation>无法保存到此处</translation>
    </message>
</context>
<context>
    <name>EvaluationsPage</name>
    <message>
        <location filename="../../desktop/pages/evaluations.py" line="1"/>
        <source>Edit evaluation form</source>
        <translation>修改评议表</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/evaluations.py" line="1"/>
        <source>New evaluation form</source>
        <translation>新建评议表</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/evaluations.py" line="23"/>
        <source>Evaluations</source>
        <translation>评议表</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/evaluations.py" line="27"/>
        <location filename="../../desktop/pages/evaluations.py" line="41"/>
        <source>Respondent group</source>
        <translation>评议群体</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/evaluations.py" line="28"/>
        <location filename="../../desktop/pages/evaluations.py" line="43"/>
        <source>Level</source>
        <translation>评议等次</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/evaluations.py" line="32"/>
        <source>Observes discipline</source>
        <translation>遵守纪律</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/evaluations.py" line="33"/>
        <source>Acts according to law</source>
        <translation>依法办事</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/evaluations.py" line="34"/>
        <source>Service quality</source>
        <translation>服务质量</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/evaluations.py" line="35"/>
        <source>Integrity and self-discipline</source>
        <translation>廉洁自律</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/evaluations.py" line="36"/>
        <source>Work efficiency</source>
        <translation>工作效率</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/evaluations.py" line="39"/>
        <source>Campaign</source>
        <translation>评议活动</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/evaluations.py" line="40"/>
        <source>Form number</source>
        <translation>表号</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/evaluations.py" line="42"/>
        <source>Evaluated unit</source>
        <translation>被评议单位</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/evaluations.py" line="45"/>
        <source>Reason for dissatisfaction</source>
        <translation>不满意原因</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/evaluations.py" line="46"/>
        <source>Suggestion</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/evaluations.py" line="47"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/evaluations.py" line="48"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/evaluations.py" line="58"/>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/evaluations.py" line="82"/>
        <source>Void form</source>
        <translation>作废评议表</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/evaluations.py" line="83"/>
        <source>Why is this form invalid?</source>
        <translation>该评议表为何无效？</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/evaluations.py" line="60"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../desktop/widgets/filter_bar.py" line="43"/>
        <source>Campaign</source>
        <translation>评议活动</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/filter_bar.py" line="43"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/filter_bar.py" line="47"/>
        <source>All: %1</source>
        <translation>全部%1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/filter_bar.py" line="55"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/filter_bar.py" line="55"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/filter_bar.py" line="33"/>
        <source>Search text, unit names, numbers…</source>
        <translation>搜索文字、单位名称、编号…</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/filter_bar.py" line="34"/>
        <source>Finds rows whose text or unit name contains what you type, or whose number starts with it.</source>
        <translation>查找文字或单位名称包含所输入内容、或编号以其开头的记录。</translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="1"/>
        <source>Edit finding</source>
        <translation>修改发现问题</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="1"/>
        <source>New finding</source>
        <translation>新建发现问题</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="94"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="95"/>
        <location filename="../../desktop/pages/field_work.py" line="132"/>
        <source>Select a finding to see its photos.</source>
        <translation>选中一条发现问题即可查看其照片。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="105"/>
        <source>Findings</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="108"/>
        <location filename="../../desktop/pages/field_work.py" line="113"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="109"/>
        <location filename="../../desktop/pages/field_work.py" line="114"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="115"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="116"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="117"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="124"/>
        <source>Attach photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/pages/field_work.py" line="140"/>
        <source>%n photo(s). Attach more with Attach photos…</source>
        <translation>
            <numerusform>共 %n 张照片。可用“添加照片…”继续添加。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="156"/>
        <source>Attach photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Save for publication…</source>
        <translation>另存为公开用照片…</translation>
    </message>
    <message>
        <source>A copy without the photo&apos;s location and camera data, for a notice or the press. The original stays in the store as evidence.</source>
        <translation>保存一份去除拍摄位置和相机信息的副本，用于通报或对外公开。原图作为证据保留在数据库中。</translation>
    </message>
    <message>
        <source>photo for publication</source>
        <translation>公开用照片</translation>
    </message>
    <message>
        <source>Save for publication</source>
        <translation>另存为公开用照片</translation>
    </message>
    <message>
        <source>Images (*%1)</source>
        <translation>图片 (*%1)</translation>
    </message>
    <message>
        <source>Only JPEG and PNG photos can be cleaned for publication.</source>
        <translation>只有 JPEG 和 PNG 照片可以去除位置信息后公开。</translation>
    </message>
    <message>
        <source>Saved without location to %1.</source>
        <translation>已去除位置信息，保存到 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="1"/>
        <source>View photo</source>
        <translation>查看照片</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="1"/>
        <source>%1 (not downloaded)</source>
        <translation>%1（未下载）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="1"/>
        <source>Not on this device yet: open it to download it from headquarters.</source>
        <translation>尚未在本机：打开即从总部下载。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="1"/>
        <source>Downloading…</source>
        <translation>正在下载…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="1"/>
        <source>Downloading %1 from headquarters…</source>
        <translation>正在从总部下载 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="1"/>
        <source>Downloaded %1.</source>
        <translation>已下载 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="1"/>
        <source>This photo could not be downloaded. Try again when headquarters can be reached.</source>
        <translation>这张照片未能下载。请在能连接总部时重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="117"/>
        <source>Remove photo…</source>
        <translation>移除照片…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="119"/>
        <source>Takes the photo off this finding. The removal is recorded in the audit trail and reaches HQ at the next sync.</source>
        <translation>从本条发现中移除该照片。移除记入审计日志，并在下次同步时报送总部。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="117"/>
        <source>Remove photo</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="203"/>
        <source>Remove %1 from this finding?</source>
        <translation>从本条发现中移除 %1？</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="309"/>
        <source>Images (*.jpg *.jpeg *.png *.heic *.webp *.gif *.bmp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.heic *.webp *.gif *.bmp)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="1"/>
        <source>Make a problem…</source>
        <translation>转为问题…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/findings.py" line="1"/>
        <source>Turn the selected findings into one problem for their unit to rectify.</source>
        <translation>将选中的督查发现合并为一个问题，交责任单位整改。</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../desktop/startup.py" line="1"/>
        <source>A standalone office starts empty: it creates its own campaign, units, teams and representatives, and can enroll later; the same names merge with HQ&apos;s.
A networked county, in this order: 1. start the HQ server; 2. enroll HQ&apos;s own computer; 3. create the campaign and units there; 4. enroll the other computers with codes from HQ.</source>
        <translation>独立办公室从空库开始：自行创建评议活动、单位、督查组和评议代表，以后可再登记到总部；同名记录会与总部的合并。
联网的县按此顺序：1. 启动总部服务器；2. 登记总部自己的电脑；3. 在总部电脑上创建评议活动和单位；4. 用总部发放的登记码登记其他电脑。</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="27"/>
        <source>Welcome to FieldInspect</source>
        <translation>欢迎使用督查通</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="28"/>
        <source>This computer holds no FieldInspect store yet. How do you want to start?</source>
        <translation>本机尚无督查通数据库。您希望如何开始？</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="33"/>
        <source>Enroll with a headquarters server</source>
        <translation>向总部服务器登记本机</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="34"/>
        <source>Start with an empty store</source>
        <translation>从空数据库开始</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="35"/>
        <source>Explore the demo data (a separate store that never syncs)</source>
        <translation>浏览演示数据（独立数据库，永不同步）</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="42"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="43"/>
        <source>Enrollment code</source>
        <translation>登记码</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="75"/>
        <source>Type the server address and the enrollment code that headquarters gave you.</source>
        <translation>请输入总部提供的服务器地址和登记码。</translation>
    </message>
</context>
<context>
    <name>FormEntryWidget</name>
    <message>
        <location filename="../../desktop/entry/form_widget.py" line="28"/>
        <source>printed on the form</source>
        <translation>评议表上印的编号</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/form_widget.py" line="32"/>
        <source>required for dissatisfied</source>
        <translation>选“不满意”时必填</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/form_widget.py" line="34"/>
        <source>optional</source>
        <translation>可不填</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/form_widget.py" line="39"/>
        <source>Form number</source>
        <translation>表号</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/form_widget.py" line="40"/>
        <source>Level (keys 1–4)</source>
        <translation>评议等次（按 1–4）</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/form_widget.py" line="41"/>
        <source>Reason</source>
        <translation>不满意原因</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/form_widget.py" line="42"/>
        <source>Criteria (optional, 1–4 each)</source>
        <translation>分项评价（可不填，各按 1–4）</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/form_widget.py" line="43"/>
        <source>Suggestion</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/form_widget.py" line="95"/>
        <source>Choose the level with keys 1–4.</source>
        <translation>请按 1–4 选择评议等次。</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/form_widget.py" line="98"/>
        <location filename="../../desktop/entry/form_widget.py" line="114"/>
        <source>A dissatisfied form needs a reason: type the reason given on the form.</source>
        <translation>“不满意”须填写原因：请录入表上所写的原因。</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/form_widget.py" line="120"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/form_widget.py" line="108"/>
        <source>%1 Check the form; nothing was saved.</source>
        <translation>%1请核对评议表；本表未保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/form_widget.py" line="125"/>
        <source>Form number %1 was already entered on %2 by %3.</source>
        <translation>表号 %1 已于 %2 由 %3 录入。</translation>
    </message>
</context>
<context>
    <name>HqAdminPage</name>
    <message>
        <location filename="../../desktop/pages/admin.py" line="95"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/admin.py" line="100"/>
        <source>HQ administration</source>
        <translation>总部管理</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="67"/>
        <source>Import units</source>
        <translation>导入单位</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="68"/>
        <source>Import representatives</source>
        <translation>导入评议代表</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="69"/>
        <source>Import evaluation forms</source>
        <translation>导入评议表</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="73"/>
        <source>No file chosen yet.</source>
        <translation>尚未选择文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="75"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="77"/>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="78"/>
        <source>Read the file again after correcting it</source>
        <translation>修改文件后重新读取</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="92"/>
        <source>First rows of the file, as read</source>
        <translation>文件前几行（按读取结果显示）</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="93"/>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="114"/>
        <source>All or nothing: import only if every row is right</source>
        <translation>全部或全不：每一行都无误时才导入</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="118"/>
        <source>Import the rows that are right, and save the rejected rows with their reasons to:</source>
        <translation>只导入无误的行，并把被拒绝的行连同原因保存到：</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="137"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="139"/>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="277"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="151"/>
        <source>Columns: %1 (English or Chinese headers).</source>
        <translation>应有的列：%1（中文或英文表头均可）。</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="154"/>
        <source>Optional: %1.</source>
        <translation>可选列：%1。</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="161"/>
        <source>Choose a spreadsheet</source>
        <translation>选择电子表格</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="191"/>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="315"/>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="203"/>
        <source>This file cannot be imported as it is: see the problems above.</source>
        <translation>此文件按现状无法导入：见上方问题列表。</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="207"/>
        <source>Rows read: %1 · ready to import: %2 · already present: %3 · with problems: %4</source>
        <translation>读取 %1 行 · 可导入 %2 行 · 已存在 %3 行 · 有问题 %4 行</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="213"/>
        <source>Correct these rows in the file and choose Check again, or import only the rows that are right.</source>
        <translation>请在文件中改正这些行后点“重新检查”，或选择只导入无误的行。</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="253"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="257"/>
        <source>Imported: %1 · already present: %2 · rejected: %3</source>
        <translation>已导入 %1 行 · 已存在 %2 行 · 被拒绝 %3 行</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="261"/>
        <source>The rejected rows and their reasons were saved to %1.</source>
        <translation>被拒绝的行及原因已保存到 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="265"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="288"/>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消：没有导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="292"/>
        <source>Refused: nothing was imported. See the problems above.</source>
        <translation>已拒绝：没有导入任何数据。见上方问题列表。</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="316"/>
        <source>Writing…</source>
        <translation>正在写入…</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="163"/>
        <source>Spreadsheets (*.csv *.txt *.xlsx *.xls *.ods)</source>
        <translation>电子表格 (*.csv *.txt *.xlsx *.xls *.ods)</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="1"/>
        <source>Import a rectification ledger</source>
        <translation>导入整改台账</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="1"/>
        <source>Import opinions</source>
        <translation>导入意见建议</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="1"/>
        <source>Import visits</source>
        <translation>导入走访记录</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="1"/>
        <source>Import findings</source>
        <translation>导入发现的问题</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="1"/>
        <source>Import criticisms</source>
        <translation>导入批评教育</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/import_dialog.py" line="1"/>
        <source>Import accountability cases</source>
        <translation>导入问责案件</translation>
    </message>
</context>
<context>
    <name>KeyingPanel</name>
    <message>
        <location filename="../../desktop/entry/page.py" line="51"/>
        <source>Batch closed: %1 forms keyed against a cover count of %2.</source>
        <translation>本批已关闭：录入 %1 张，封面记 %2 张。</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="50"/>
        <source>Satisfaction kiosk</source>
        <translation>满意度评价器</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="70"/>
        <source>How satisfied are you with our service today?</source>
        <translation>您对今天的服务满意吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="95"/>
        <source>Waited too long</source>
        <translation>等候时间太长</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="95"/>
        <source>Unfriendly attitude</source>
        <translation>态度不好</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="96"/>
        <source>Sent back and forth</source>
        <translation>推诿扯皮、来回跑</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="96"/>
        <source>Unclear explanation</source>
        <translation>解释不清楚</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="97"/>
        <source>Staff absent from the window</source>
        <translation>窗口无人（脱岗）</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="97"/>
        <source>Irregular fees</source>
        <translation>乱收费</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="101"/>
        <source>Sorry. What went wrong? (choose one, or type)</source>
        <translation>很抱歉。哪里不满意？（请选择一项，或填写）</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="114"/>
        <source>Or type what happened</source>
        <translation>或填写具体情况</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="116"/>
        <source>Send</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="131"/>
        <source>Thank you for your rating!</source>
        <translation>感谢您的评价！</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="139"/>
        <source>Supervisor PIN to leave kiosk mode</source>
        <translation>请输入负责人 PIN 退出评价模式</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="165"/>
        <source>No reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="214"/>
        <source>Wrong PIN.</source>
        <translation>PIN 不正确。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/kiosk/window.py" line="217"/>
        <source>Too many wrong PINs: try again in %n second(s).</source>
        <translation>
            <numerusform>PIN 码错误次数过多：请 %n 秒后再试。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop/labels.py" line="39"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="40"/>
        <source>Fairly satisfied</source>
        <translation>比较满意</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="41"/>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="42"/>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="43"/>
        <source>Parents</source>
        <translation>家长</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="44"/>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="45"/>
        <source>Citizens</source>
        <translation>群众</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="46"/>
        <source>Paper form</source>
        <translation>纸质表</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="47"/>
        <location filename="../../desktop/labels.py" line="115"/>
        <source>Kiosk</source>
        <translation>满意度评价器</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="48"/>
        <location filename="../../desktop/labels.py" line="94"/>
        <source>Online</source>
        <translation>网上</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="49"/>
        <source>Interview</source>
        <translation>访谈</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="50"/>
        <source>County</source>
        <translation>县</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="51"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="52"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="53"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="54"/>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="55"/>
        <source>Service window</source>
        <translation>服务窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="56"/>
        <location filename="../../desktop/labels.py" line="77"/>
        <location filename="../../desktop/labels.py" line="95"/>
        <location filename="../../desktop/labels.py" line="103"/>
        <location filename="../../desktop/labels.py" line="106"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="57"/>
        <source>People&apos;s congress deputy</source>
        <translation>人大代表</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="58"/>
        <source>CPPCC member</source>
        <translation>政协委员</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="59"/>
        <source>Conduct supervisor</source>
        <translation>政风行风监督员</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="60"/>
        <source>Citizen representative</source>
        <translation>群众代表</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="61"/>
        <source>Secret visit</source>
        <translation>暗访</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="62"/>
        <source>Open inspection</source>
        <translation>明查</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="63"/>
        <source>On-site review</source>
        <translation>现场评议</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="64"/>
        <source>Supervision visit</source>
        <translation>监督走访</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="65"/>
        <source>Media inquiry</source>
        <translation>媒体问政</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="66"/>
        <source>Dialogue with leaders</source>
        <translation>对话领导</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="67"/>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="68"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="69"/>
        <source>Procrastination, passing the buck</source>
        <translation>推诿拖延</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="70"/>
        <source>Absent from post</source>
        <translation>脱岗离岗</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="71"/>
        <source>Poor attitude</source>
        <translation>服务态度差</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="72"/>
        <source>The four winds</source>
        <translation>四风问题</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="73"/>
        <source>Inaction</source>
        <translation>不作为</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="74"/>
        <source>Slow action</source>
        <translation>慢作为</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="75"/>
        <source>Disorderly action</source>
        <translation>乱作为</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="76"/>
        <source>Irregular fees</source>
        <translation>乱收费</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="78"/>
        <source>Minor</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="79"/>
        <source>Serious</source>
        <translation>较重</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="80"/>
        <source>Grave</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="81"/>
        <source>Criticism and education</source>
        <translation>批评教育</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="82"/>
        <source>Reminder talk</source>
        <translation>提醒谈话</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="83"/>
        <source>Admonition talk</source>
        <translation>诫勉谈话</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="84"/>
        <source>Circulated criticism</source>
        <translation>通报批评</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="85"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="86"/>
        <source>Party or government disciplinary sanction</source>
        <translation>党纪政务处分</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="87"/>
        <source>Organisational handling</source>
        <translation>组织处理</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="88"/>
        <source>Unit held accountable</source>
        <translation>单位问责</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="89"/>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="90"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="91"/>
        <source>Evaluation form</source>
        <translation>评议表</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="92"/>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="93"/>
        <source>Hotline call</source>
        <translation>热线电话</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="96"/>
        <source>Work style</source>
        <translation>工作作风</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="97"/>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="98"/>
        <source>Work efficiency</source>
        <translation>工作效率</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="99"/>
        <source>Fees and charges</source>
        <translation>收费问题</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="100"/>
        <source>Integrity</source>
        <translation>廉洁自律</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="101"/>
        <source>Facilities</source>
        <translation>设施环境</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="102"/>
        <source>Policy</source>
        <translation>政策落实</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="104"/>
        <source>Finding</source>
        <translation>明察暗访发现</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="105"/>
        <source>Opinion</source>
        <translation>群众意见建议</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="107"/>
        <source>Open</source>
        <translation>待查处</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="108"/>
        <source>Investigating</source>
        <translation>查处中</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="109"/>
        <source>Rectifying</source>
        <translation>整改中</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="110"/>
        <source>Rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="111"/>
        <source>Verified</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Phone call</source>
        <translation>电话答复</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Letter</source>
        <translation>书面答复</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Home visit</source>
        <translation>上门回访</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Satisfied with the handling</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Basically satisfied with the handling</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Dissatisfied with the handling</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="112"/>
        <source>Representative</source>
        <translation>评议代表</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="113"/>
        <source>Rectification office</source>
        <translation>县纠风办</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="114"/>
        <source>Headquarters</source>
        <translation>县监察局（总部）</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="116"/>
        <source>Clerk</source>
        <translation>录入员</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="117"/>
        <source>Supervisor</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Waited too long</source>
        <translation>等候时间太长</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Unfriendly attitude</source>
        <translation>态度不好</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Sent back and forth</source>
        <translation>推诿扯皮、来回跑</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Unclear explanation</source>
        <translation>解释不清楚</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Staff absent from the window</source>
        <translation>窗口无人（脱岗）</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Irregular charges</source>
        <translation>乱收费</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>No reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Awaiting decision</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Refused</source>
        <translation>不予批准</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Awaiting acceptance</source>
        <translation>待验收</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Accepted</source>
        <translation>验收通过</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Unit liaison</source>
        <translation>单位联络员</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>County departments</source>
        <translation>县直部门</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>Townships and streets</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>Stations</source>
        <translation>站所</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>Service windows</source>
        <translation>服务窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>Hospitals</source>
        <translation>医院</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="161"/>
        <source>Rectification ledger</source>
        <translation>整改台账</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="1"/>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="30"/>
        <source>Form number</source>
        <translation>表号</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="45"/>
        <location filename="../../desktop/data/specs_field.py" line="78"/>
        <location filename="../../desktop/data/specs_field.py" line="111"/>
        <location filename="../../desktop/data/specs_field.py" line="138"/>
        <location filename="../../desktop/data/specs_office.py" line="33"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="38"/>
        <source>Campaign</source>
        <translation>评议活动</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="41"/>
        <source>Respondent group</source>
        <translation>评议群体</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="46"/>
        <source>Evaluated unit</source>
        <translation>被评议单位</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="47"/>
        <source>Level</source>
        <translation>评议等次</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="48"/>
        <source>Reason</source>
        <translation>不满意原因</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="49"/>
        <source>Suggestion</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="52"/>
        <location filename="../../desktop/data/specs_office.py" line="85"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="57"/>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="58"/>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="37"/>
        <location filename="../../desktop/data/specs_office.py" line="160"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="40"/>
        <location filename="../../desktop/data/specs_office.py" line="139"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="46"/>
        <location filename="../../desktop/data/specs_field.py" line="93"/>
        <location filename="../../desktop/data/specs_field.py" line="114"/>
        <location filename="../../desktop/data/specs_field.py" line="147"/>
        <location filename="../../desktop/data/specs_office.py" line="90"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="47"/>
        <location filename="../../desktop/data/specs_office.py" line="167"/>
        <source>Inspection team</source>
        <translation>督查组</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="50"/>
        <source>Planned time</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="57"/>
        <source>Actual time</source>
        <translation>实际时间</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="62"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="63"/>
        <source>Summary</source>
        <translation>情况摘要</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="81"/>
        <location filename="../../desktop/data/specs_office.py" line="93"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="88"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="95"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="112"/>
        <location filename="../../desktop/data/specs_field.py" line="146"/>
        <source>Person</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="113"/>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="117"/>
        <source>Sanction</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="122"/>
        <source>Behaviour</source>
        <translation>问题行为</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="123"/>
        <source>Decided by</source>
        <translation>决定人</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="141"/>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="150"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="155"/>
        <source>Violation</source>
        <translation>违纪事实</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="78"/>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="98"/>
        <source>Opinion</source>
        <translation>意见建议内容</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="117"/>
        <source>Reported</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="122"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="123"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="126"/>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="132"/>
        <source>Rectification measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="136"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="157"/>
        <location filename="../../desktop/data/specs_office.py" line="179"/>
        <location filename="../../desktop/data/specs_office.py" line="209"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="165"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="166"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="180"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="182"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="184"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="187"/>
        <source>Minimum sample</source>
        <translation>最低样本数</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="192"/>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_office.py" line="210"/>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/export.py" line="69"/>
        <location filename="../../desktop/widgets/record_model.py" line="32"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/record_model.py" line="214"/>
        <source>confidential</source>
        <translation>保密</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="1"/>
        <source>Representatives</source>
        <translation>督查代表</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="1"/>
        <source>Visit date</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <location filename="../../desktop/data/specs_field.py" line="1"/>
        <source>Visit kind</source>
        <translation>走访类别</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Unit of work</source>
        <translation>工作单位</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="1"/>
        <source>&amp;Switch user…</source>
        <translation>切换用户(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1"/>
        <source>&amp;Profile</source>
        <translation>用户(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1"/>
        <source>&amp;About FieldInspect</source>
        <translation>关于督查通(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="33"/>
        <source>FieldInspect</source>
        <translation>督查通</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="65"/>
        <source>Dashboard</source>
        <translation>总览</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="65"/>
        <source>Visits</source>
        <translation>明察暗访</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="66"/>
        <source>Findings</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="66"/>
        <source>Criticisms</source>
        <translation>批评教育</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="67"/>
        <source>Evaluations</source>
        <translation>评议表</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="67"/>
        <source>Form entry</source>
        <translation>评议表录入</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="68"/>
        <source>Rectification ledger</source>
        <translation>整改台账</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="69"/>
        <source>Accountability</source>
        <translation>问责</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="70"/>
        <source>Units and representatives</source>
        <translation>单位与评议代表</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="70"/>
        <source>Reports</source>
        <translation>报表输出</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="71"/>
        <source>HQ administration</source>
        <translation>总部管理</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="72"/>
        <source>Sync issues</source>
        <translation>同步问题</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="72"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="77"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="82"/>
        <source>DEMO DATA</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="114"/>
        <source>This device&apos;s role (%1) has no pages in this version of FieldInspect, so nothing can be shown. Update FieldInspect, or ask headquarters to enroll this device again with another role.</source>
        <translation>本版督查通没有为本设备的角色（%1）设置任何页面，因此无内容可显示。请更新督查通，或联系总部以其他角色重新登记本设备。</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="137"/>
        <source>Headquarters revoked this device, and its records were removed from it. Ask headquarters to enroll it again.</source>
        <translation>总部已吊销本设备，其中的记录已被清除。如需继续使用，请联系总部重新登记。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registry.py" line="1"/>
        <source>Our problems</source>
        <translation>本单位问题</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registry.py" line="1"/>
        <source>Acceptance and extensions</source>
        <translation>验收与延期</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/registry.py" line="1"/>
        <source>Trends</source>
        <translation>趋势分析</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Random rounds</source>
        <translation>双随机抽查</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../desktop/operations.py" line="1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/operations.py" line="1"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../desktop/operations.py" line="1"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>OpinionsPanel</name>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="1"/>
        <source>Edit opinion</source>
        <translation>修改意见建议</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="1"/>
        <source>New opinion</source>
        <translation>新建意见建议</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="29"/>
        <source>Opinions and suggestions</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="33"/>
        <location filename="../../desktop/pages/ledger.py" line="41"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="34"/>
        <source>Not yet sorted</source>
        <translation>尚未梳理</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="38"/>
        <source>Opinion</source>
        <translation>意见建议内容</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="39"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="40"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="42"/>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="49"/>
        <source>Make a problem…</source>
        <translation>转为问题…</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>评议活动</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>Export with contacts…</source>
        <translation>连同联系方式导出…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>The list with each complainant&apos;s contact. The export is recorded in the audit trail.</source>
        <translation>导出的列表包含每位投诉人的联系方式；每次导出都记入审计日志。</translation>
    </message>
</context>
<context>
    <name>OverduePanel</name>
    <message>
        <location filename="../../desktop/widgets/overdue_panel.py" line="47"/>
        <source>Overdue by unit</source>
        <translation>各单位逾期情况</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/overdue_panel.py" line="48"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/overdue_panel.py" line="48"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/overdue_panel.py" line="51"/>
        <source>Campaign</source>
        <translation>评议活动</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/overdue_panel.py" line="70"/>
        <source>Accountability candidates (%1 or more overdue in a campaign)</source>
        <translation>拟问责单位（同一评议活动中逾期%1件及以上）</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/overdue_panel.py" line="72"/>
        <source>Accountability candidates: no unit has %1 or more overdue in a campaign</source>
        <translation>拟问责单位：暂无同一评议活动中逾期%1件及以上的单位</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/overdue_panel.py" line="1"/>
        <source>Open a case…</source>
        <translation>立案问责…</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/overdue_panel.py" line="1"/>
        <source>A case against the selected unit, linked to its overdue problems.</source>
        <translation>对所选单位立案问责，并关联其逾期问题。</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../desktop/startup.py" line="1"/>
        <source>Strength</source>
        <translation>强度</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="1"/>
        <source>weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="1"/>
        <source>fair</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="1"/>
        <source>strong</source>
        <translation>强</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="1"/>
        <source>%1 (at least %2 characters)</source>
        <translation>%1（至少 %2 个字符）</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="1"/>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="90"/>
        <source>Set a passphrase</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="90"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="91"/>
        <source>Choose the passphrase that protects this store. It cannot be recovered if forgotten.</source>
        <translation>请设置保护本数据库的密码。密码遗忘后无法找回。</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="93"/>
        <source>Enter the passphrase of this store.</source>
        <translation>请输入本数据库的密码。</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="104"/>
        <source>Passphrase</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="106"/>
        <source>Repeat</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="130"/>
        <source>The passphrase cannot be empty.</source>
        <translation>密码不能为空。</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="132"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>PhotoPicker</name>
    <message numerus="yes">
        <location filename="../../desktop/pages/field_work.py" line="300"/>
        <source>%n photo(s) to attach: %1</source>
        <translation>
            <numerusform>待附 %n 张照片：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="267"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="269"/>
        <source>No photos yet.</source>
        <translation>尚未添加照片。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="267"/>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
</context>
<context>
    <name>PreviewTable</name>
    <message>
        <location filename="../../desktop/spreadsheets/preview.py" line="47"/>
        <source>(not used)</source>
        <translation>（不导入）</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>Only a supervisor settles duplicate form numbers.</source>
        <translation>表号重复只能由负责人处理。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>HQ database passphrase: </source>
        <translation>总部数据库密码：</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>HQ attachments passphrase: </source>
        <translation>总部附件密码：</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Interrupted; nothing half-written was kept.</source>
        <translation>已中断；未保存任何未完成的内容。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Unexpected error ({kind}); nothing half-written was kept. Details: {log}</source>
        <translation>发生意外错误（{kind}）；未保存任何未完成的内容。详情见：{log}</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Unexpected error ({kind}); nothing half-written was kept. No details could be saved (no log folder could be written).</source>
        <translation>发生意外错误（{kind}）；未保存任何未完成的内容。无法写入日志文件夹，未能保存详情。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>The window cannot start: the Python module &apos;{module}&apos; is missing; install it with: pip install {package}. Subcommands work without it (see --help).</source>
        <translation>窗口无法启动：缺少 Python 模块“{module}”；请用以下命令安装：pip install {package}。命令行子命令不需要它（见 --help）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>The window cannot start: the Python module &apos;{module}&apos; is missing; reinstall FieldInspect. Subcommands work without it (see --help).</source>
        <translation>窗口无法启动：缺少 Python 模块“{module}”；请重新安装督查通。命令行子命令不需要它（见 --help）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Passphrase: </source>
        <translation>口令：</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>New passphrase for this store: </source>
        <translation>为此数据库设置新口令：</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Repeat the passphrase: </source>
        <translation>再输入一次口令：</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Passphrase for the backup: </source>
        <translation>备份文件的口令：</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>The backup&apos;s passphrase: </source>
        <translation>该备份的口令：</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Repeat it: </source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>The store is locked: set FIELDINSPECT_PASSPHRASE or run in a terminal.</source>
        <translation>数据库已锁定：请设置 FIELDINSPECT_PASSPHRASE，或在终端中运行。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Set {variable} or run in a terminal.</source>
        <translation>请设置 {variable}，或在终端中运行。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>The two passphrases differ; nothing was created.</source>
        <translation>两次输入的密码不一致；未创建任何内容。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>The two entries differ; nothing was done.</source>
        <translation>两次输入不一致；未做任何操作。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>&apos;{value}&apos; is not one of {accepted}</source>
        <translation>“{value}”不是以下之一：{accepted}</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>&apos;{value}&apos; is not a date (YYYY-MM-DD)</source>
        <translation>“{value}”不是日期（格式：年-月-日，如 2024-05-01）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>--rejects goes with --skip-invalid</source>
        <translation>--rejects 须与 --skip-invalid 一起使用</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>nothing was imported ({count} problems).</source>
        <translation>未导入任何内容（共 {count} 个问题）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>imported {count} forms</source>
        <translation>导入了 {count} 份评议表</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>imported {count} units</source>
        <translation>导入了 {count} 个单位</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>imported {count} representatives</source>
        <translation>导入了 {count} 名评议代表</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>{count} already present</source>
        <translation>{count} 条已存在</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>rejected {count} rows</source>
        <translation>拒绝了 {count} 行</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>created campaign &apos;{name}&apos; ({year})</source>
        <translation>新建评议活动“{name}”（{year}）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>created team &apos;{name}&apos;</source>
        <translation>新建督查组“{name}”</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>There is no campaign named &apos;{name}&apos;.</source>
        <translation>没有名为“{name}”的评议活动。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>The demo data set only goes into an empty store; this one holds records. Use a separate data directory.</source>
        <translation>演示数据只能载入空数据库；此数据库已有记录。请使用另一个数据目录。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>demo data loaded: {units} units, {forms} forms, {opinions} opinions, {visits} visits, {findings} findings</source>
        <translation>演示数据已装入：单位 {units} 个，评议表 {forms} 份，意见建议 {opinions} 条，走访 {visits} 次，发现问题 {findings} 个</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Evaluation forms</source>
        <translation>评议表合计</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Overall satisfaction</source>
        <translation>综合满意率</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Weighted score</source>
        <translation>测评得分</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Duplicate form numbers</source>
        <translation>重复表号</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Units evaluated</source>
        <translation>被评议单位</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Visits done</source>
        <translation>已完成走访</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>(planned {count})</source>
        <translation>（计划中 {count}）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Findings</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Criticisms</source>
        <translation>批评教育等处理（人次）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Opinions</source>
        <translation>收集意见建议</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>(sorted {count})</source>
        <translation>（已梳理 {count}）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>investigated</source>
        <translation>已查处</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>overdue</source>
        <translation>逾期未整改</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Accountability cases</source>
        <translation>违纪案件</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>people sanctioned</source>
        <translation>受党纪政务处分（人）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>units held accountable</source>
        <translation>被问责单位</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>{count} file(s) written: {path}</source>
        <translation>已写入 {count} 个文件：{path}</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>No problem or opinion was left out by the campaign filter.</source>
        <translation>评议活动筛选未排除任何问题或意见建议。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>{total} problem(s)/opinion(s) left out by the campaign filter: {no_campaign} with no campaign, {other} of other campaigns (--campaign to choose another).</source>
        <translation>评议活动筛选排除了 {total} 条问题/意见建议：{no_campaign} 条未归入任何活动，{other} 条属于其他活动（可用 --campaign 另选）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Not checked against earlier notices: only a number from HQ (--hq-number) leaves out criticisms already circulated.</source>
        <translation>未与以往通报核对：只有向总部取号（--hq-number）才会排除已通报过的批评。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Criticisms already circulated were included again (--include-circulated).</source>
        <translation>已通报过的批评再次列入（--include-circulated）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>{count} criticism(s) already circulated in an earlier notice left out (--include-circulated to circulate them again).</source>
        <translation>{count} 条批评已在以往通报中通报，未列入（可用 --include-circulated 再次通报）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>no supervisor profile with a PIN on this device, so kiosk mode could not be left; create one when setting up the terminal.</source>
        <translation>本设备没有设置了 PIN 的负责人账户，无法退出评价器模式；请在设置终端时创建一个。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>FieldInspect HQ on http://{host}:{port} (API docs at /docs)</source>
        <translation>督查通总部服务运行于 http://{host}:{port}（接口文档见 /docs）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>FieldInspect HQ on https://{host}:{port} (API docs at /docs)</source>
        <translation>督查通总部服务运行于 https://{host}:{port}（接口文档见 /docs）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>HQ cannot listen on {host}:{port}: another program is using that port, or the address is not this computer&apos;s. Choose another --port or --host.</source>
        <translation>总部服务无法在 {host}:{port} 上监听：该端口已被其他程序占用，或该地址不属于本机。请用 --port 或 --host 另选一个。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>HTTPS needs both a certificate and its key: give --certfile and --keyfile (or FIELDINSPECT_TLS_CERTFILE and FIELDINSPECT_TLS_KEYFILE).</source>
        <translation>启用 HTTPS 需要证书及其私钥：请同时指定 --certfile 和 --keyfile（或 FIELDINSPECT_TLS_CERTFILE 和 FIELDINSPECT_TLS_KEYFILE）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>The TLS file {path} cannot be read.</source>
        <translation>无法读取 TLS 文件 {path}。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Device {name} ({role}) registered as {id}.</source>
        <translation>设备 {name}（{role}）已登记，编号 {id}。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>One-time enrollment code (expires {expires}):</source>
        <translation>一次性登记码（{expires} 失效）：</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>label</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>team</source>
        <translation>督查组</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>last sync</source>
        <translation>最近同步</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>never</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>AUDIT ALARM: {alarm}</source>
        <translation>审计告警：{alarm}</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>REPLACES: {label} ({id}), whose store this one was restored or copied from</source>
        <translation>替代：{label}（{id}），本设备的数据库由其恢复或复制而来</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Revoked device {label} ({id}); its next call is refused.</source>
        <translation>已吊销设备 {label}（{id}）；其下次连接将被拒绝。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Device {label} ({id}) will wipe itself after its next full sync.</source>
        <translation>设备 {label}（{id}）将在下次完整同步后自行清除数据。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Enrolled with {server} as a {role} device ({label}, {id}).</source>
        <translation>已在 {server} 登记为{role}设备（{label}，{id}）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Pushed {pushed}, pulled {pulled}, rejected {rejected}, conflicts {conflicts}.</source>
        <translation>上传 {pushed} 条，下载 {pulled} 条，被拒 {rejected} 条，冲突 {conflicts} 条。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>--head takes SEQ:HASH</source>
        <translation>--head 的格式为 序号:哈希值（SEQ:HASH）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>audit chain intact: {checked} entries, head {head}</source>
        <translation>审计链完整：共 {checked} 条记录，链头 {head}</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>backup written: {path} ({size} bytes)</source>
        <translation>备份已写入：{path}（{size} 字节）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>restored {count} files into {path}</source>
        <translation>已恢复 {count} 个文件到 {path}</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>This store syncs only after it enrolls again: ask HQ for a new enrollment code, then run `fieldinspect enroll`. Its unsent changes are kept.</source>
        <translation>此数据库须重新登记后才能同步：请向总部申请新的登记码，然后运行 `fieldinspect enroll`。尚未上传的修改均已保留。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>store recovered: it now opens with the new passphrase</source>
        <translation>数据库已恢复：今后用新口令打开</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>{path} exists; not overwritten</source>
        <translation>{path} 已存在；未覆盖</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>recovery key installed: {fingerprint}</source>
        <translation>恢复密钥已安装：{fingerprint}</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>FieldInspect: the inspection office&apos;s records, documents and sync with HQ. Without a command it opens the window.</source>
        <translation>督查通：纠风办的台账、文书及与总部的同步。不带命令时打开窗口。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>the device&apos;s data directory</source>
        <translation>本设备的数据目录</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>the profile acting (default: the device&apos;s first)</source>
        <translation>操作人账户（默认：本设备的第一个账户）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>the language of messages: zh_CN or en (default: from LC_ALL, LC_MESSAGES, LANG)</source>
        <translation>消息语言：zh_CN 或 en（默认依次取 LC_ALL、LC_MESSAGES、LANG）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>import units, representatives, evaluation forms, problems, opinions, visits, findings, criticisms or accountability records</source>
        <translation>导入单位、评议代表、评议表、问题、意见建议、明察暗访、发现问题、批评教育或问责记录</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>the county&apos;s figures</source>
        <translation>全县统计数据</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>fill an empty store with a county-sized demo set</source>
        <translation>向空数据库装入一套全县规模的演示数据</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>write the ledger, notices, feedback, summary, rankings, the overdue list or the reminders</source>
        <translation>生成台账、通报、反馈、总结、排名、逾期清单或催办通知</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>run the satisfaction kiosk full screen at a window</source>
        <translation>在服务窗口全屏运行满意度评价器</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>run the HQ server</source>
        <translation>运行总部服务</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>administer HQ: devices</source>
        <translation>总部管理：设备</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>register a device; print its code</source>
        <translation>登记一台设备并打印其登记码</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>devices known to HQ</source>
        <translation>总部已知的设备</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>revoke a device (id or label)</source>
        <translation>吊销一台设备（编号或名称）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>retire a handed-back device: it pushes everything, HQ confirms, then it wipes itself</source>
        <translation>停用一台交回的设备：它上传全部数据，总部确认后自行清除</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>enroll this device with HQ using a one-time code</source>
        <translation>用一次性登记码将本设备登记到总部</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>push this device&apos;s changes to HQ, then pull</source>
        <translation>将本设备的修改上传总部，再下载更新</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>check the tamper-evident audit chain</source>
        <translation>检查防篡改审计链</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>report the first broken link, if any</source>
        <translation>报告第一处断链（如有）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>write an encrypted backup of this store</source>
        <translation>为此数据库写一份加密备份</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>restore a backup into an empty data directory</source>
        <translation>将备份恢复到空的数据目录</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>re-open a store with HQ&apos;s recovery key</source>
        <translation>用总部的恢复密钥重新打开数据库</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>HQ&apos;s recovery key pair (escrow)</source>
        <translation>总部的恢复密钥对（托管）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>make HQ&apos;s key pair (keep the private file offline)</source>
        <translation>生成总部的密钥对（私钥文件离线保存）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>seal this store&apos;s key to HQ&apos;s public key</source>
        <translation>用总部公钥封存本数据库的密钥</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>show or set the minutes before the window locks</source>
        <translation>查看或设置窗口自动锁定前的空闲分钟数</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>import the valid rows and report the rejected ones</source>
        <translation>导入无误的行，报告被退回的行</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>with --skip-invalid: write rejected rows here with an error column</source>
        <translation>与 --skip-invalid 同用：将退回的行写入此文件，并附一列错误说明</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>the service window rated</source>
        <translation>被评价的服务窗口</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>default: the open campaign</source>
        <translation>默认：正在进行的评议活动</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>not full screen (for set-up)</source>
        <translation>不全屏（用于设置）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>default: the extension of PATH</source>
        <translation>默认：按 PATH 的扩展名</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>default: the latest campaign (county-summary, overdue, reminder: all)</source>
        <translation>默认：最近的评议活动（county-summary、overdue、reminder：全部）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>a unit and the units under it</source>
        <translation>某单位及其下属单位</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>problem status (repeatable): {values}</source>
        <translation>问题状态（可重复）：{values}</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>only problems past their deadline</source>
        <translation>只列已过整改期限的问题</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>problems reported from DATE (ledger, notice, overdue); criticisms decided from DATE (criticism-notice); the period (county-summary)</source>
        <translation>自 DATE 起反映的问题（ledger、notice、overdue）；自 DATE 起决定的批评（criticism-notice）；统计期间（county-summary）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>... up to DATE</source>
        <translation>……截至 DATE</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>criticism-notice: these circulated criticisms</source>
        <translation>criticism-notice：这些通报批评</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>criticism-notice: the number HQ assigned ({example}); without it the number is left blank for HQ to fill in</source>
        <translation>criticism-notice：总部分配的文号（{example}）；不填则留空，由总部填写</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>criticism-notice with --hq-number: circulate again the criticisms an earlier notice already circulated</source>
        <translation>criticism-notice 与 --hq-number 同用：再次通报以往通报已通报过的批评</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>number prefix ({example})</source>
        <translation>文号前缀（{example}）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>issuing office ({example})</source>
        <translation>发文机关（{example}）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>default: today</source>
        <translation>默认：今天</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>overdue: also list deadlines within DAYS</source>
        <translation>overdue：同时列出 DAYS 天内到期的问题</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>a head recorded elsewhere (e.g. HQ)</source>
        <translation>在别处（如总部）记录的链头</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>worker processes (PostgreSQL only)</source>
        <translation>工作进程数（仅限 PostgreSQL）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>answer on https with this PEM certificate (chain); needs --keyfile</source>
        <translation>使用此 PEM 证书（链）以 https 提供服务；需同时指定 --keyfile</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>the PEM private key of --certfile</source>
        <translation>--certfile 证书对应的 PEM 私钥</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>HQ&apos;s address, e.g. {example}</source>
        <translation>总部地址，如 {example}</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>a label for this device</source>
        <translation>本设备的名称</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>a label for the device</source>
        <translation>设备名称</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>{example} (default: an encrypted SQLite database in the data directory)</source>
        <translation>{example}（默认：数据目录中的加密 SQLite 数据库）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>the following arguments are required: %s</source>
        <translation>缺少必需的参数：%s</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选项值：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>expected one argument</source>
        <translation>需要一个值</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>expected at most one argument</source>
        <translation>最多只能有一个值</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>expected at least one argument</source>
        <translation>至少需要一个值</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项不明确：%(option)s 可匹配 %(matches)s</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>ignored explicit argument %r</source>
        <translation>此选项不带值，忽略 %r</translation>
    </message>
    <message>
        <location filename="../../models/messages/general.py" line="28"/>
        <source>Only HQ sets a campaign&apos;s weights and minimum sample; this device reads them.</source>
        <translation>评议活动的权重和最低样本数只能由总部设定，本设备只读。</translation>
    </message>
    <message>
        <location filename="../../models/messages/general.py" line="8"/>
        <source>Only HQ sets the office settings; this device reads them.</source>
        <translation>办公设置只能由总部设定，本设备只读。</translation>
    </message>
    <message>
        <location filename="../../models/messages/general.py" line="31"/>
        <source>Only HQ changes a visit&apos;s team and representatives.</source>
        <translation>走访的督查组和评议代表只能由总部更改。</translation>
    </message>
    <message>
        <location filename="../../models/messages/general.py" line="1"/>
        <source>Only HQ records the reply to the complainant; this device reads it.</source>
        <translation>对投诉人的答复只能由总部记录，本设备只能查看。</translation>
    </message>
    <message>
        <location filename="../../models/messages/general.py" line="1"/>
        <source>Only HQ decides on an extension request; this device asks and reads the answer.</source>
        <translation>延期申请只能由总部审批，本设备只能提出申请并查看答复。</translation>
    </message>
    <message>
        <location filename="../../models/messages/general.py" line="1"/>
        <source>Only HQ accepts or returns a rectification report; this device reports and reads the answer.</source>
        <translation>整改报告只能由总部验收或退回，本设备只能报送并查看答复。</translation>
    </message>
    <message>
        <location filename="../../models/messages/general.py" line="1"/>
        <source>A reply can only be recorded for a problem from an opinion whose author left a contact.</source>
        <translation>只有来源于留有联系方式的群众意见的问题才能记录答复。</translation>
    </message>
    <message>
        <location filename="../../models/messages/general.py" line="1"/>
        <source>Record the complainant&apos;s view of the handling with the reply.</source>
        <translation>记录答复时须填写投诉人对办理情况的评价。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>replied to the complainant</source>
        <translation>已答复投诉人</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>complainants satisfied with the handling</source>
        <translation>投诉人满意率</translation>
    </message>
    <message>
        <location filename="../../models/messages/general.py" line="1"/>
        <source>Too long: {length} characters; at most {limit} fit here.</source>
        <translation>内容过长：{length} 个字；此处最多 {limit} 个字。</translation>
    </message>
    <message>
        <location filename="../../models/messages/general.py" line="41"/>
        <source>A secret visit needs a unit.</source>
        <translation>暗访须选定被访单位。</translation>
    </message>
    <message>
        <location filename="../../models/messages/general.py" line="42"/>
        <source>A secret visit needs a team.</source>
        <translation>暗访须选定督查组。</translation>
    </message>
    <message>
        <location filename="../../models/messages/general.py" line="44"/>
        <source>A secret visit needs the representatives who go.</source>
        <translation>暗访须选定参加的评议代表。</translation>
    </message>
    <message>
        <location filename="../../models/messages/general.py" line="45"/>
        <source>Describe what was found.</source>
        <translation>请写明发现的问题。</translation>
    </message>
    <message>
        <location filename="../../models/messages/general.py" line="47"/>
        <source>Write down the measures taken before verifying.</source>
        <translation>请先填写整改措施，再验收。</translation>
    </message>
    <message>
        <location filename="../../models/messages/general.py" line="48"/>
        <source>A weight lies between {low} and {high}.</source>
        <translation>权重须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <location filename="../../models/messages/general.py" line="50"/>
        <source>Must not exceed the weight of the level above ({limit}).</source>
        <translation>不得高于上一档的权重（{limit}）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/general.py" line="51"/>
        <source>At least {minimum}.</source>
        <translation>至少为 {minimum}。</translation>
    </message>
    <message>
        <location filename="../../models/messages/general.py" line="53"/>
        <source>{file} is not a photo (JPEG, PNG, HEIC, WebP, GIF or BMP).</source>
        <translation>{file} 不是照片（须为 JPEG、PNG、HEIC、WebP、GIF 或 BMP）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>a reason is required when the level is dissatisfied</source>
        <translation>评议等次为“不满意”时必须填写原因</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>name the person criticised</source>
        <translation>请填写被批评人的姓名</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>name the unit the person works in</source>
        <translation>请填写被批评人所在单位</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>the deadline {deadline} is before the problem was reported ({reported})</source>
        <translation>整改期限 {deadline} 早于问题反映日期（{reported}）</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>give the reason for reopening</source>
        <translation>请填写重新打开的原因</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>use change_problem_status to move a problem</source>
        <translation>问题的办理状态只能通过“变更状态”改变</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>form number {number} was already entered on {when} by {who}</source>
        <translation>表号 {number} 已于 {when} 由 {who} 录入</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>give the reason for voiding the form</source>
        <translation>请填写作废此表的原因</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>this value cannot be stored here</source>
        <translation>此处不能保存这个值</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>a value is required here</source>
        <translation>此处必须填写</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>&apos;{value}&apos; is not a date of the form YYYY-MM-DD</source>
        <translation>“{value}”不是 年-月-日（YYYY-MM-DD）格式的日期</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>A verified problem is closed and cannot be reopened.</source>
        <translation>问题已验收办结，不能重新打开。</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>Only a supervisor can reopen a problem (move it back a step).</source>
        <translation>只有负责人才能重新打开问题（退回上一步）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>That batch no longer exists.</source>
        <translation>该批次已不存在。</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>This batch is closed; open a new batch to key more forms.</source>
        <translation>该批次已关闭；请新建批次继续录入。</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>That form is not in this batch.</source>
        <translation>该评议表不在此批次中。</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>Close the batch before it is verified.</source>
        <translation>请先关闭批次，再进行核对。</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>This batch is already verified.</source>
        <translation>该批次已核对完毕。</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>The second keying must be done by another clerk than the first.</source>
        <translation>第二遍录入须由另一名录入员完成。</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>type the form number printed on the form</source>
        <translation>请输入表上印的表号</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>choose the level ticked on the form</source>
        <translation>请选择表上勾选的评议等次</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>Nothing was re-keyed yet.</source>
        <translation>尚未重新录入任何评议表。</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>That difference no longer exists.</source>
        <translation>该差异已不存在。</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>Only a form keyed twice can take the second keying.</source>
        <translation>只有录入过两遍的评议表才能采用第二遍的录入。</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>unknown resolution &apos;{resolution}&apos;</source>
        <translation>未知的处理方式“{resolution}”</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>Only a supervisor chooses the verification sample.</source>
        <translation>只有负责人才能选定核对样本。</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>Only a supervisor settles keying differences.</source>
        <translation>只有负责人才能处理录入差异。</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>No campaign is open: open one (or name one with --campaign).</source>
        <translation>没有进行中的评议活动：请开启一个（或用 --campaign 指定）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>There is no unit named &apos;{name}&apos; on this device.</source>
        <translation>本设备上没有名为“{name}”的单位。</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>Several units are named &apos;{name}&apos;; the kiosk needs one.</source>
        <translation>有多个单位名为“{name}”；评价器只能对应一个单位。</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>give the person&apos;s name</source>
        <translation>请填写此人的姓名</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>a PIN is at least {minimum} digits</source>
        <translation>PIN 码至少 {minimum} 位数字</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>a {device_role} device has no {role} profiles</source>
        <translation>{device_role} 设备上不能有 {role} 用户</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>there is already a profile named &apos;{name}&apos;</source>
        <translation>已有名为“{name}”的用户</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>there is no profile named &apos;{name}&apos;</source>
        <translation>没有名为“{name}”的用户</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>Only a supervisor can remove a profile.</source>
        <translation>只有负责人才能删除用户。</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>You cannot remove your own profile.</source>
        <translation>不能删除自己的用户。</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>The last profile that can manage the others stays.</source>
        <translation>必须保留最后一个可以管理其他用户的用户。</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>Only a supervisor can set another person&apos;s PIN.</source>
        <translation>只有负责人才能为他人设置 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>choose a file name ending in .xlsx or .csv</source>
        <translation>请选择以 .xlsx 或 .csv 结尾的文件名</translation>
    </message>
    <message>
        <location filename="../../models/messages/records.py" line="1"/>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消；没有写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../models/messages/imports.py" line="1"/>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <location filename="../../models/messages/imports.py" line="1"/>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <location filename="../../models/messages/imports.py" line="1"/>
        <source>holds {size_mb} MB of data, more than the {limit_mb} MB a file may hold (a damaged or hostile file?); split it into smaller files</source>
        <translation>文件数据达 {size_mb} MB，超过单个文件上限 {limit_mb} MB（文件可能已损坏或被恶意构造）；请拆分为较小的文件</translation>
    </message>
    <message>
        <location filename="../../models/messages/imports.py" line="1"/>
        <source>has more than {limit} rows; split it into smaller files</source>
        <translation>超过 {limit} 行；请拆分为较小的文件</translation>
    </message>
    <message>
        <location filename="../../models/messages/imports.py" line="1"/>
        <source>missing column (expected {column} or {aliases})</source>
        <translation>缺少此列（表头应为 {column} 或 {aliases}）</translation>
    </message>
    <message>
        <location filename="../../models/messages/imports.py" line="1"/>
        <source>unknown unit &apos;{text}&apos;</source>
        <translation>没有单位“{text}”</translation>
    </message>
    <message>
        <location filename="../../models/messages/imports.py" line="1"/>
        <source>unknown unit &apos;{text}&apos;; did you mean {suggestions}?</source>
        <translation>没有单位“{text}”；是否指 {suggestions}？</translation>
    </message>
    <message>
        <location filename="../../models/messages/imports.py" line="1"/>
        <source>&apos;{text}&apos; is ambiguous: write the path, one of {paths}</source>
        <translation>“{text}”对应多个单位：请写出完整路径，为以下之一：{paths}</translation>
    </message>
    <message>
        <location filename="../../models/messages/imports.py" line="1"/>
        <source>form number {number} appears again (first on row {first_row})</source>
        <translation>表号 {number} 重复出现（首次在第 {first_row} 行）</translation>
    </message>
    <message>
        <location filename="../../models/messages/imports.py" line="1"/>
        <source>the campaign is empty</source>
        <translation>评议活动为空</translation>
    </message>
    <message>
        <location filename="../../models/messages/imports.py" line="1"/>
        <source>the unit&apos;s name is empty</source>
        <translation>单位名称为空</translation>
    </message>
    <message>
        <location filename="../../models/messages/imports.py" line="1"/>
        <source>the representative&apos;s name is empty</source>
        <translation>评议代表姓名为空</translation>
    </message>
    <message>
        <location filename="../../models/messages/imports.py" line="1"/>
        <source>The import was cancelled; nothing was saved.</source>
        <translation>导入已取消；没有保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>That is not an HQ recovery public key.</source>
        <translation>这不是总部的恢复公钥。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>The HQ recovery key must be an X25519 key.</source>
        <translation>总部恢复密钥必须是 X25519 密钥。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>The recovery key cannot be read (wrong file or password).</source>
        <translation>无法读取恢复密钥（文件不对或密码错误）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>The recovery key must be an X25519 key.</source>
        <translation>恢复密钥必须是 X25519 密钥。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>This store was sealed to a different HQ recovery key.</source>
        <translation>本数据库是用另一把总部恢复密钥封存的。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>The escrow file is damaged.</source>
        <translation>托管文件已损坏。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>This store has no escrow file: it cannot be recovered.</source>
        <translation>本数据库没有托管文件，无法恢复。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>Give the new passphrase for the recovered store.</source>
        <translation>请为恢复后的数据库设置新密码。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>A backup needs a passphrase to protect it.</source>
        <translation>备份需要设置密码加以保护。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>The backup file is cut short.</source>
        <translation>备份文件不完整（被截断）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>The backup file is damaged or was altered.</source>
        <translation>备份文件已损坏或被改动。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>That file is not a FieldInspect backup.</source>
        <translation>该文件不是督查通的备份。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>Wrong passphrase for this backup.</source>
        <translation>备份密码错误。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>The backup holds an unexpected file name &apos;{name}&apos;; nothing restored.</source>
        <translation>备份中有意外的文件名“{name}”；未恢复任何内容。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>{folder} already holds a store; restore into an empty folder.</source>
        <translation>{folder} 中已有数据库；请恢复到空文件夹。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>That attachment reference is not a SHA-256 hash.</source>
        <translation>该附件引用不是 SHA-256 哈希值。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>The attachment&apos;s bytes do not match its hash; nothing was kept.</source>
        <translation>附件内容与其哈希值不符；未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>That attachment is not on this device yet.</source>
        <translation>该附件尚未下载到本设备。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>The attachment file is damaged.</source>
        <translation>附件文件已损坏。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>The attachment file is damaged or was replaced.</source>
        <translation>附件文件已损坏或被替换。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>Only JPEG and PNG photos can be cleaned for publication.</source>
        <translation>只有 JPEG 和 PNG 照片可以清除信息后公开。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>The JPEG file is damaged.</source>
        <translation>JPEG 文件已损坏。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>Only a supervisor or HQ sets the idle lock.</source>
        <translation>只有主管或总部可以设置闲置锁屏。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>Between {low} and {high} minutes.</source>
        <translation>应在 {low} 到 {high} 分钟之间。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>Only a supervisor or HQ sets attachment downloads.</source>
        <translation>只有主管或总部可以设置附件下载。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>Between {low} and {high} MB.</source>
        <translation>应在 {low} 到 {high} MB 之间。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>Only a supervisor may do this.</source>
        <translation>只有主管可以进行此操作。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>Wrong PIN.</source>
        <translation>PIN 码错误。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>There is no profile named &apos;{name}&apos; on this device.</source>
        <translation>本设备上没有名为“{name}”的用户。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>Too many wrong passphrases: blocked. HQ can unlock the store with the recovery key.</source>
        <translation>密码错误次数过多，已被锁定。总部可用恢复密钥解锁数据库。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>Too many wrong passphrases: try again in {seconds} seconds.</source>
        <translation>密码错误次数过多：请 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>Too many wrong PINs: blocked. A supervisor can unblock the profile.</source>
        <translation>PIN 码错误次数过多，已被锁定。主管可以为该用户解除锁定。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>Too many wrong PINs: try again in {seconds} seconds.</source>
        <translation>PIN 码错误次数过多：请 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>Wrong passphrase: the window stays locked.</source>
        <translation>密码错误：窗口仍处于锁定状态。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>The store&apos;s key reference is damaged.</source>
        <translation>数据库的密钥引用已损坏。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>The key folder {folder} is inside the data directory; choose another (FIELDINSPECT_KEY_DIR) so that a copy of the data alone opens nothing.</source>
        <translation>密钥文件夹 {folder} 位于数据目录内；请另选一处（FIELDINSPECT_KEY_DIR），使仅复制数据无法打开任何内容。</translation>
    </message>
    <message>
        <location filename="../../models/messages/security.py" line="1"/>
        <source>This device was wiped; its records and keys are gone.</source>
        <translation>本设备已被擦除，其记录和密钥均已删除。</translation>
    </message>
    <message>
        <location filename="../../models/messages/store.py" line="1"/>
        <source>A passphrase is needed to protect a new store.</source>
        <translation>新建数据库需要设置密码加以保护。</translation>
    </message>
    <message>
        <location filename="../../models/messages/store.py" line="1"/>
        <source>The store is locked: give its passphrase (FIELDINSPECT_PASSPHRASE or the prompt).</source>
        <translation>数据库已锁定：请提供密码（FIELDINSPECT_PASSPHRASE 或在提示时输入）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/store.py" line="1"/>
        <source>The store&apos;s key file {path} is damaged or unreadable.</source>
        <translation>数据库的密钥文件 {path} 已损坏或无法读取。</translation>
    </message>
    <message>
        <location filename="../../models/messages/store.py" line="1"/>
        <source>This store&apos;s device key is not on this computer, so it cannot be opened here (a copied data directory opens nothing). HQ can recover it with the recovery key.</source>
        <translation>本数据库的设备密钥不在这台电脑上，因此无法在此打开（复制来的数据目录打不开任何内容）。总部可用恢复密钥恢复。</translation>
    </message>
    <message>
        <location filename="../../models/messages/store.py" line="1"/>
        <source>Wrong passphrase: the store stays locked.</source>
        <translation>密码错误：数据库仍处于锁定状态。</translation>
    </message>
    <message>
        <location filename="../../models/messages/store.py" line="1"/>
        <source>The store at {path} cannot be opened with this key (wrong passphrase, or not a FieldInspect store).</source>
        <translation>无法用此密钥打开 {path} 处的数据库（密码错误，或不是督查通的数据库）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/store.py" line="1"/>
        <source>This store was written by a newer FieldInspect (schema {revision}; this app knows up to {head}). Update the app to open it; nothing was changed.</source>
        <translation>本数据库由更新版本的督查通写入（结构版本 {revision}；本程序最高支持 {head}）。请升级程序后再打开；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../models/messages/store.py" line="1"/>
        <source>That record no longer exists: it was deleted in the meantime.</source>
        <translation>该记录已不存在：其间已被删除。</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>There is no unit named &apos;{name}&apos;.</source>
        <translation>没有名为“{name}”的单位。</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>&apos;{name}&apos; names {count} units; say which: {choices}</source>
        <translation>“{name}”对应 {count} 个单位；请指明是哪一个：{choices}</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>&apos;{value}&apos; is not a status; one of: {accepted}</source>
        <translation>“{value}”不是有效的状态；可选：{accepted}</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>No circulated criticism was decided in that period.</source>
        <translation>该期间内没有作出通报批评决定。</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>No criticism record {ids}.</source>
        <translation>没有通报批评记录 {ids}。</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>Only a circulated criticism is published; not: {ids}</source>
        <translation>只有通报批评才会公开；以下不是：{ids}</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>All {count} criticism(s) chosen were already circulated in an earlier notice; nothing new to circulate (include them again to circulate them anew).</source>
        <translation>所选的 {count} 条批评均已在之前的通报中通报过；没有新的可通报内容（如需再次通报，请重新选入）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>A notice number starts at 1.</source>
        <translation>通报编号从 1 开始。</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>&apos;{text}&apos; is not a notice number like {example}.</source>
        <translation>“{text}”不是形如 {example} 的通报编号。</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>No Chinese TrueType font was found for PDF output. Install WenQuanYi Micro Hei (apt-get install fonts-wqy-microhei) or set FIELDINSPECT_CJK_FONT to a .ttf/.ttc file.</source>
        <translation>未找到用于生成 PDF 的中文 TrueType 字体。请安装文泉驿微米黑（apt-get install fonts-wqy-microhei），或将 FIELDINSPECT_CJK_FONT 设为一个 .ttf/.ttc 文件。</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>The font {path} cannot be embedded in a PDF (TrueType outlines are needed).</source>
        <translation>字体 {path} 无法嵌入 PDF（需要 TrueType 轮廓）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>This output is written as {formats}; &apos;{chosen}&apos; is not one of them.</source>
        <translation>此文档只能输出为 {formats}；“{chosen}”不在其中。</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>FieldInspect may not write in {folder}; choose another folder.</source>
        <translation>督查通无权写入 {folder}；请另选文件夹。</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>{folder} cannot be made a folder: a file of that name is in the way; choose another place.</source>
        <translation>无法创建文件夹 {folder}：已有同名文件；请另选位置。</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>{folder} is on a read-only disk; choose another folder.</source>
        <translation>{folder} 位于只读磁盘上；请另选文件夹。</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>The disk holding {folder} is full; nothing was written.</source>
        <translation>{folder} 所在磁盘已满；未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>{folder} is a folder; give the file a name.</source>
        <translation>{folder} 是一个文件夹；请为文件命名。</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>FieldInspect cannot write in {folder}; choose another folder.</source>
        <translation>督查通无法写入 {folder}；请另选文件夹。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ cannot be reached at {url}. Check the network and HQ&apos;s address; nothing was lost, the changes go at the next sync.</source>
        <translation>无法连接到总部（{url}）。请检查网络和总部地址；数据未丢失，下次同步时会发送这些更改。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ at {url} showed a security certificate this device cannot verify, so nothing was sent. If HQ uses the office&apos;s own certificate authority, set FIELDINSPECT_CA_FILE to its CA file (docs/tls.md).</source>
        <translation>总部（{url}）出示的安全证书无法被本设备验证，因此未发送任何数据。如果总部使用本单位自建的证书颁发机构，请将 FIELDINSPECT_CA_FILE 设为其 CA 证书文件（见 docs/tls.md）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>The certificate authority file {path} (FIELDINSPECT_CA_FILE) cannot be read as PEM certificates; nothing was sent.</source>
        <translation>无法以 PEM 证书格式读取证书颁发机构文件 {path}（FIELDINSPECT_CA_FILE）；未发送任何数据。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ at {url} is unavailable for now (HTTP {status}); nothing was lost, try again later.</source>
        <translation>总部（{url}）暂时无法提供服务（HTTP {status}）；数据未丢失，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>This device is not enrolled with an HQ server.</source>
        <translation>本设备尚未在总部服务器登记。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>This device holds no HQ credential: enroll it first.</source>
        <translation>本设备没有总部凭据：请先登记。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ has revoked this device; it no longer syncs.</source>
        <translation>总部已吊销本设备；本设备不再同步。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ confirmed it holds every record; this device was retired and wiped.</source>
        <translation>总部已确认收到全部记录；本设备已退役并清除数据。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>This store holds demo data and can never enroll with HQ (demo figures must not reach real statistics).</source>
        <translation>此数据库为演示数据，永远不能在总部登记（演示数字不得进入真实统计）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ refused the request (code {code}); nothing was changed.</source>
        <translation>总部拒绝了该请求（代码 {code}）；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>Sync was cancelled; what was already exchanged is kept.</source>
        <translation>同步已取消；已交换的内容予以保留。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>This store was restored from a backup, so it no longer syncs as the device it was backed up from. Enroll it again with a new enrollment code from HQ; its unsent changes are kept and go to HQ after that.</source>
        <translation>此数据库是从备份恢复的，因此不再以备份时的设备身份同步。请用总部发放的新登记码重新登记；未发送的更改会保留，并在登记后发往总部。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ already holds different changes under this device&apos;s numbers: this store is a copy of another (restored or copied), so it no longer syncs as that device. Nothing was lost: the changes HQ refused are kept here and listed as sync issues. Enroll it again with a new enrollment code from HQ, then sync.</source>
        <translation>总部在本设备的编号下已存有不同的更改：此数据库是另一台设备的副本（恢复或复制而来），因此不再以该设备身份同步。没有丢失任何数据：总部拒绝的更改保留在本机，并列在同步问题中。请用总部发放的新登记码重新登记，然后同步。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ needs to know this app&apos;s version; update the app.</source>
        <translation>总部需要知道本程序的版本；请更新程序。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>This app is too old for HQ (HQ accepts versions {minimum} to {newest}): update the app, then sync again. Nothing was changed.</source>
        <translation>本程序版本过旧，总部不再接受（总部接受版本 {minimum} 至 {newest}）：请更新程序后再同步。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ runs an older version than this app (HQ accepts versions {minimum} to {newest}): ask HQ to update the server. Nothing was changed.</source>
        <translation>总部运行的版本比本程序旧（总部接受版本 {minimum} 至 {newest}）：请联系总部更新服务器。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ could not read the request; nothing was changed.</source>
        <translation>总部无法读取该请求；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>This device may not do that at HQ.</source>
        <translation>本设备无权在总部执行此操作。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ does not know this device (or its access); enroll it again.</source>
        <translation>总部不认识本设备（或其访问凭据）；请重新登记。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>The access to HQ has expired; sync again.</source>
        <translation>与总部的访问凭据已过期；请重新同步。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>This enrollment code is unknown or already used.</source>
        <translation>此登记码无效或已被使用。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>This enrollment code has expired; ask HQ for a new one.</source>
        <translation>此登记码已过期；请向总部重新申请。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>This data directory is already enrolled with HQ.</source>
        <translation>此数据目录已在总部登记。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>Too large for HQ: more than {limit} bytes in one request.</source>
        <translation>数据过大，总部无法接收：单次请求超过 {limit} 字节。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ expected change number {expected} next; sync again.</source>
        <translation>总部期望的下一个更改编号是 {expected}；请重新同步。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ refused a malformed batch of changes; nothing was changed.</source>
        <translation>总部拒绝了一批格式错误的更改；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ no longer has what this device last received: push the changes, then fetch everything from HQ again.</source>
        <translation>总部已没有本设备上次收到的内容：请先发送更改，然后从总部重新获取全部数据。</translation>
    </message>
    <message>
        <location filename="../../models/messages/snapshots.py" line="1"/>
        <source>HQ sends a snapshot only to a device that has sent it nothing yet; this device pulls its records one page at a time instead.</source>
        <translation>总部只向尚未发送过任何数据的设备提供快照；本设备改为逐页获取记录。</translation>
    </message>
    <message>
        <location filename="../../models/messages/snapshots.py" line="1"/>
        <source>HQ&apos;s snapshot is made for another version of the app; this device pulls its records one page at a time instead.</source>
        <translation>总部的快照是为另一版本的软件制作的；本设备改为逐页获取记录。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ&apos;s database refused this data; nothing was written.</source>
        <translation>总部数据库拒绝了这些数据；未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ is busy; try again shortly.</source>
        <translation>总部繁忙；请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>An attachment is named by its SHA-256 fingerprint; this name is not one.</source>
        <translation>附件以其 SHA-256 指纹命名；此名称不是有效指纹。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ has no such attachment for this device.</source>
        <translation>总部没有本设备可用的此附件。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>This device may not upload attachments.</source>
        <translation>本设备无权上传附件。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>The attachment is too large for HQ (at most {limit} bytes).</source>
        <translation>附件过大，总部无法接收（最多 {limit} 字节）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ has received {received} bytes of this attachment; the upload resumes there.</source>
        <translation>总部已收到此附件的 {received} 字节；上传将从该处继续。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>More bytes arrived than the attachment was announced with.</source>
        <translation>收到的字节数超过了附件申报的大小。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>Only {received} bytes of the attachment arrived; the upload resumes.</source>
        <translation>附件只收到了 {received} 字节；上传将继续。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>The attachment&apos;s bytes do not match its fingerprint; it is sent or fetched again at the next sync.</source>
        <translation>附件内容与其指纹不符；下次同步时会重新发送或获取。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ takes only JPEG or PNG photos from a unit&apos;s device.</source>
        <translation>总部只接收单位设备发送的 JPEG 或 PNG 照片。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ refused the photo: it still carries location or camera data. Attach it again on this device, which removes them.</source>
        <translation>总部拒收该照片：照片仍带有位置或相机信息。请在本设备上重新添加，本设备会去除这些信息。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>No device is known by &apos;{key}&apos;.</source>
        <translation>没有名为“{key}”的设备。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>&apos;{key}&apos; names {count} devices; use the id from hq list-devices.</source>
        <translation>“{key}”对应 {count} 台设备；请使用 hq list-devices 中的编号。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>&apos;{key}&apos; is {status}, not active.</source>
        <translation>“{key}”的状态为 {status}，不是在用状态。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ has no such conflict.</source>
        <translation>总部没有这条冲突记录。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>&apos;{role}&apos; is not a kind of device ({roles}).</source>
        <translation>“{role}”不是一种设备类型（{roles}）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>A kiosk names the unit it serves (--unit).</source>
        <translation>自助终端须指明其服务的单位（--unit）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>A unit liaison&apos;s device names its unit (--unit); it receives the problems of that unit and its sub-units.</source>
        <translation>单位联络员设备须指明其所属单位（--unit）；它接收该单位及其下属单位的问题。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>A representative device names its representative (--representative).</source>
        <translation>代表设备须指明其代表（--representative）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>{count} representatives are named &apos;{name}&apos;.</source>
        <translation>有 {count} 位代表名为“{name}”。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ does not know &apos;{name}&apos;; give --team to register them.</source>
        <translation>总部不认识“{name}”；请用 --team 登记。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>{count} units are named &apos;{key}&apos;; give its path.</source>
        <translation>有 {count} 个单位名为“{key}”；请给出完整路径。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ does not know the unit &apos;{key}&apos;; sync the unit list first.</source>
        <translation>总部不认识单位“{key}”；请先同步单位列表。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>Use postgresql+psycopg://... or sqlite:///DIRECTORY.</source>
        <translation>请使用 postgresql+psycopg://... 或 sqlite:///目录。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>The HQ database is locked: set FIELDINSPECT_PASSPHRASE.</source>
        <translation>总部数据库已锁定：请设置 FIELDINSPECT_PASSPHRASE。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ&apos;s attachments are locked: set FIELDINSPECT_PASSPHRASE.</source>
        <translation>总部附件已锁定：请设置 FIELDINSPECT_PASSPHRASE。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>A part of this upload is damaged.</source>
        <translation>此次上传的一部分已损坏。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>Refused by HQ: {table} {row}: {reason}</source>
        <translation>总部拒绝：{table} {row}：{reason}</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>Sync stopped on an unexpected error; it was written to the log.</source>
        <translation>同步因意外错误而停止；详情已写入日志。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>evaluation form</source>
        <translation>评议表</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>finding</source>
        <translation>明察暗访发现</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>opinion</source>
        <translation>群众意见建议</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>campaign</source>
        <translation>评议活动</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>inspection team</source>
        <translation>督查组</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>representative</source>
        <translation>评议代表</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>criticism</source>
        <translation>批评教育</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>accountability case</source>
        <translation>违纪案件</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ refused this change.</source>
        <translation>总部拒绝了此项更改。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>This kind of device may not make this change.</source>
        <translation>此类设备不能进行这项更改。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>This device may not read or change this record.</source>
        <translation>本设备无权查看或更改这条记录。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>A representative creates visits for their own team only.</source>
        <translation>评议代表只能为本督查组新建走访。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>The visit names representatives outside your team.</source>
        <translation>该走访指派了本督查组以外的评议代表。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>This device may not attach files to this kind of record.</source>
        <translation>本设备不能给此类记录添加附件。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>A kiosk records forms for its own unit only.</source>
        <translation>自助终端只能为其所属单位录入评议表。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ does not know this kind of record; update HQ.</source>
        <translation>总部不认识这类记录；请更新总部服务器。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ does not hold this record.</source>
        <translation>总部没有这条记录。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ cannot take this value.</source>
        <translation>总部无法接受此值。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>Too long for HQ.</source>
        <translation>内容过长，总部无法接受。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>This date or time lies outside what HQ takes (years 1900 to 2999).</source>
        <translation>此日期或时间超出总部接受的范围（1900 年至 2999 年）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ&apos;s rules refused this record; correct it and it is sent with that change.</source>
        <translation>总部的规则拒绝了此记录；请更正，更正后会随该更改一并发送。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>Held back on this device: over the {limit} bytes one record may take in a push. Shorten its longest text; it is sent with that change.</source>
        <translation>已在本设备上暂缓发送：超过单条记录在一次发送中可占用的 {limit} 字节。请缩短其中最长的文字；缩短后会随该更改一并发送。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>Held back on this device after HQ refused it. Correct it; it is sent with that change.</source>
        <translation>总部拒绝后已在本设备上暂缓发送。请更正；更正后会随该更改一并发送。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>Held back, not at HQ: {table} {row}: {size} MB, over the {limit} MB one record may take in a push. Shorten its longest text; it is sent with that change.</source>
        <translation>暂缓发送，尚未到达总部：{table} {row}：{size} MB，超过单条记录在一次发送中可占用的 {limit} MB。请缩短其中最长的文字；缩短后会随该更改一并发送。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>Held back, not at HQ: {table} {row}: HQ refused it. Correct it; it is sent with that change.</source>
        <translation>暂缓发送，尚未到达总部：{table} {row}：总部拒绝了它。请更正；更正后会随该更改一并发送。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>The device part of HQ&apos;s attachment key ({path}) is not on this computer (the keyring or FIELDINSPECT_KEY_DIR), so the attachments cannot be opened here: a copied blob directory opens nothing.</source>
        <translation>总部附件密钥的设备部分（{path}）不在这台电脑上（密钥环或 FIELDINSPECT_KEY_DIR），因此无法在此打开附件：复制来的附件目录打不开任何内容。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>HQ&apos;s attachment key file {path} is missing, so its sealed attachments cannot be opened: restore the file from a backup.</source>
        <translation>总部附件密钥文件 {path} 缺失，已加密的附件无法打开：请从备份中恢复该文件。</translation>
    </message>
    <message>
        <location filename="../../models/messages/sync.py" line="1"/>
        <source>office settings</source>
        <translation>办公设置</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>notice: the publicity period, DAYS from the issue date (default {default})</source>
        <translation>notice：公示期，自发布之日起 DAYS 天（默认 {default} 天）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>notice: also list problems not yet investigated (status open)</source>
        <translation>notice：同时列出尚在受理（未开始查处）的问题</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>what to write; visit-round: the visit-round report for the visits --from DATE --to DATE (default: this year to date), its problems only from --campaign when given, numbered by --number</source>
        <translation>要写的文件；visit-round：明察暗访情况通报，统计 --from DATE 至 --to DATE 的走访（默认：今年初至今），给出 --campaign 时只列该活动的问题，文号用 --number</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Publicity period: {start} to {end}.</source>
        <translation>公示期：{start}至{end}。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>{count} problems not yet investigated are left out (--include-uninvestigated to list them).</source>
        <translation>另有 {count} 个问题尚在受理，未列入（可用 --include-uninvestigated 列入）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>Problems of every status are listed, those not yet investigated included.</source>
        <translation>已列出各状态的问题，含尚在受理的问题。</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>The publicity period is 1 to 365 days, not {days}.</source>
        <translation>公示期应为 1 至 365 天，不能是 {days} 天。</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>problem source</source>
        <translation>问题来源</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>receipt of an assignment</source>
        <translation>交办签收</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>extension request</source>
        <translation>延期申请</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>rectification report</source>
        <translation>整改报告</translation>
    </message>
    <message>
        <location filename="../../models/messages/unit_reports.py" line="1"/>
        <source>Only a unit liaison&apos;s device signs for problems, asks for extensions and reports back.</source>
        <translation>只有单位联络员的设备才能签收问题、申请延期和报送整改情况。</translation>
    </message>
    <message>
        <location filename="../../models/messages/unit_reports.py" line="1"/>
        <source>That problem is not one of this unit&apos;s problems.</source>
        <translation>该问题不属于本单位。</translation>
    </message>
    <message>
        <location filename="../../models/messages/unit_reports.py" line="1"/>
        <source>This problem is verified and closed: nothing more can be sent for it.</source>
        <translation>该问题已验收销号，不能再为其报送任何内容。</translation>
    </message>
    <message>
        <location filename="../../models/messages/unit_reports.py" line="1"/>
        <source>This problem is already signed for.</source>
        <translation>该问题已签收。</translation>
    </message>
    <message>
        <location filename="../../models/messages/unit_reports.py" line="1"/>
        <source>An extension request for this problem is still waiting for HQ&apos;s answer.</source>
        <translation>该问题的延期申请仍在等待总部答复。</translation>
    </message>
    <message>
        <location filename="../../models/messages/unit_reports.py" line="1"/>
        <source>give the reason for the extension</source>
        <translation>请填写延期理由</translation>
    </message>
    <message>
        <location filename="../../models/messages/unit_reports.py" line="1"/>
        <source>the new deadline {requested} must be after the current deadline ({current})</source>
        <translation>新的整改期限 {requested} 必须晚于当前期限（{current}）</translation>
    </message>
    <message>
        <location filename="../../models/messages/unit_reports.py" line="1"/>
        <source>A completed report of this problem is waiting for HQ&apos;s acceptance; send a new report after HQ answers.</source>
        <translation>该问题已报送的整改完成报告正在等待总部验收；请在答复后再报送新的报告。</translation>
    </message>
    <message>
        <location filename="../../models/messages/unit_reports.py" line="1"/>
        <source>say what was done</source>
        <translation>请填写已采取的整改措施</translation>
    </message>
    <message>
        <location filename="../../models/messages/unit_reports.py" line="1"/>
        <source>the completion date {completed} is after today ({today})</source>
        <translation>完成日期 {completed} 晚于今天（{today}）</translation>
    </message>
    <message>
        <location filename="../../models/messages/unit_reports.py" line="1"/>
        <source>{file}: only JPEG and PNG photos can be attached to a report (their location data is removed first)</source>
        <translation>{file}：整改报告只能附 JPEG 或 PNG 照片（先去除其中的位置信息）</translation>
    </message>
    <message>
        <location filename="../../models/messages/unit_reports.py" line="1"/>
        <source>{file}: the photo is damaged; its location data cannot be removed</source>
        <translation>{file}：照片已损坏，无法去除其中的位置信息</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>the file to write (a folder for unit-feedback, reminder and assignment)</source>
        <translation>要写入的文件（unit-feedback、reminder、assignment 为文件夹）</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli_usage.py" line="1"/>
        <source>criticism-notice, exposure, reminder (one per unit notice): ask HQ for the next number of the year (enrolled office or HQ device); HQ leaves out the criticisms an earlier notice already circulated</source>
        <translation>criticism-notice、exposure、reminder（每个单位的通知各一个）：向总部申请本年度下一个文号（须为已登记的纠风办或总部设备）；总部会排除以往通报已通报过的批评</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>The problem of {unit} due {deadline} ({problem}) has a confidential source and no assignment text: write the text the unit reads, then assign it. Nothing was numbered or written.</source>
        <translation>{unit}整改时限为{deadline}的问题（{problem}）来源保密，尚无交办文本：请先填写单位看到的交办文本，再行交办。未编号，也未生成任何文件。</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>Headquarters numbers the assignment notices and could not be asked: no notice was written and no problem was marked as assigned. Try again once headquarters can be reached.</source>
        <translation>交办通知须由总部编号，但无法连接总部：未生成任何通知，也未将任何问题标记为已交办。请在能连接总部时重试。</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>Only headquarters issues assignment notices; this device reads them.</source>
        <translation>只有总部可以下发交办通知；本设备只能查看。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>No unit has new problems to assign: no notice was written.</source>
        <translation>没有单位有待交办的新问题：未生成通知。</translation>
    </message>
    <message>
        <location filename="../../models/messages/cli.py" line="1"/>
        <source>{count} problem(s) now carry their assignment notice number; they reach their unit at its next sync.</source>
        <translation>{count} 个问题已记上交办通知文号，将在所属单位下次同步时送达。</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>No accountability case is chosen for the exposure notice: tick Publish in the exposure notice on the cases to publish.</source>
        <translation>没有选入曝光通报的问责案件：请先在要曝光的案件上勾选“列入曝光通报”。</translation>
    </message>
    <message>
        <location filename="../../models/messages/documents.py" line="1"/>
        <source>Only headquarters exports the complainants&apos; contacts.</source>
        <translation>只有总部可以导出投诉人的联系方式。</translation>
    </message>
    <message>
        <location filename="../../models/messages/acceptance.py" line="1"/>
        <source>This report has already been answered.</source>
        <translation>该报告已答复。</translation>
    </message>
    <message>
        <location filename="../../models/messages/acceptance.py" line="1"/>
        <source>Only a report that says the rectification is completed can be accepted.</source>
        <translation>只有注明已完成整改的报告才能验收。</translation>
    </message>
    <message>
        <location filename="../../models/messages/acceptance.py" line="1"/>
        <source>This request has already been decided.</source>
        <translation>该申请已审批。</translation>
    </message>
    <message>
        <location filename="../../models/messages/acceptance.py" line="1"/>
        <source>Say why the report is returned.</source>
        <translation>请说明退回理由。</translation>
    </message>
    <message>
        <location filename="../../models/messages/acceptance.py" line="1"/>
        <source>Say why the request is refused.</source>
        <translation>请说明不予同意的理由。</translation>
    </message>
    <message>
        <location filename="../../models/messages/assignments.py" line="1"/>
        <source>Only HQ assigns a problem to its unit; this device reads the assignment.</source>
        <translation>问题只能由总部交办给责任单位，本设备只能查看交办内容。</translation>
    </message>
    <message>
        <location filename="../../models/messages/assignments.py" line="1"/>
        <source>Only HQ makes problems from findings and records where a problem came from.</source>
        <translation>只有总部能将督查发现转为问题并记录问题来源。</translation>
    </message>
    <message>
        <location filename="../../models/messages/assignments.py" line="1"/>
        <source>The record this problem would come from is not on this device, or was deleted.</source>
        <translation>问题来源的记录不在本设备上，或已被删除。</translation>
    </message>
    <message>
        <location filename="../../models/messages/assignments.py" line="1"/>
        <source>Only a dissatisfied form&apos;s reason can be a problem&apos;s source.</source>
        <translation>只有“不满意”评议表的理由可以作为问题来源。</translation>
    </message>
    <message>
        <location filename="../../models/messages/assignments.py" line="1"/>
        <source>Name the unit that is to rectify the problem.</source>
        <translation>请填写负责整改的单位。</translation>
    </message>
    <message>
        <location filename="../../models/messages/assignments.py" line="1"/>
        <source>A secret visit&apos;s finding: write what the unit reads instead of the description.</source>
        <translation>此为暗访发现：请填写责任单位看到的交办内容（代替问题描述）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/imports.py" line="1"/>
        <source>cannot be read: not a CSV or text file in {tried} showing the expected column headers, nor an XLSX, XLS or ODS workbook</source>
        <translation>无法读取：按 {tried} 编码读出的 CSV 或文本文件都没有应有的列标题，也不是 XLSX、XLS 或 ODS 工作簿</translation>
    </message>
    <message>
        <location filename="../../models/messages/imports.py" line="1"/>
        <source>cannot be read (not a CSV, XLSX, XLS or ODS file, or a damaged one)</source>
        <translation>无法读取（不是 CSV、XLSX、XLS 或 ODS 文件，或文件已损坏）</translation>
    </message>
    <message>
        <location filename="../../models/messages/imports.py" line="1"/>
        <source>its sheet spreads over more than {limit} cells (a damaged or hostile file?); keep only the rows and columns to import</source>
        <translation>工作表占用的单元格超过 {limit} 个（文件损坏或被恶意构造？）；请只保留要导入的行和列</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>the people who use this device: add, list, remove, set a PIN</source>
        <translation>使用本机的人员：添加、列出、删除、设置 PIN</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>add a profile (its PIN from FIELDINSPECT_PIN or a prompt)</source>
        <translation>添加人员（其 PIN 取自 FIELDINSPECT_PIN 或提示输入）</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>list the profiles, their roles and whether each has a PIN</source>
        <translation>列出人员、角色及是否设有 PIN</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>remove a profile (what it wrote keeps its name)</source>
        <translation>删除人员（其录入的记录仍署其名）</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>set a profile&apos;s PIN (from FIELDINSPECT_PIN or a prompt)</source>
        <translation>设置人员的 PIN（取自 FIELDINSPECT_PIN 或提示输入）</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>PIN of supervisor {name}: </source>
        <translation>负责人 {name} 的 PIN：</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>New PIN for {name}: </source>
        <translation>{name} 的新 PIN：</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>The same PIN again: </source>
        <translation>再次输入同一 PIN：</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>The two PINs differ; nothing was changed.</source>
        <translation>两次输入的 PIN 不一致，未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>No PIN given: set {variable} or run the command at a terminal.</source>
        <translation>未提供 PIN：请设置 {variable}，或在终端中运行此命令。</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>Several supervisors have a PIN ({names}): say which one is changing profiles with --user NAME.</source>
        <translation>有多位负责人设有 PIN（{names}）：请用 --user 姓名 指明由谁更改人员。</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>&apos;{name}&apos; cannot change profiles: only a supervisor with a PIN can.</source>
        <translation>“{name}”不能更改人员：只有设有 PIN 的负责人可以。</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>added profile &apos;{name}&apos; ({role})</source>
        <translation>已添加人员“{name}”（{role}）</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>removed profile &apos;{name}&apos;</source>
        <translation>已删除人员“{name}”</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>set the PIN of &apos;{name}&apos;</source>
        <translation>已设置“{name}”的 PIN</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>set</source>
        <translation>已设</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>none</source>
        <translation>未设</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>locked after wrong PINs</source>
        <translation>PIN 输错多次，已锁定</translation>
    </message>
    <message>
        <location filename="../../models/messages/profiles.py" line="1"/>
        <source>start the kiosk, then close it and exit 0 (checks a set-up)</source>
        <translation>启动评价器后随即关闭并以 0 退出（用于检查设置）</translation>
    </message>
    <message>
        <location filename="../../models/messages/trends.py" line="1"/>
        <source>Only HQ records a unit&apos;s successor.</source>
        <translation>只有总部能登记单位的承继关系。</translation>
    </message>
    <message>
        <location filename="../../models/messages/trends.py" line="1"/>
        <source>No unit {unit}.</source>
        <translation>没有单位“{unit}”。</translation>
    </message>
    <message>
        <location filename="../../models/messages/trends.py" line="1"/>
        <source>{count} units answer to {unit}: give more of its path (e.g. township/unit).</source>
        <translation>有 {count} 个单位与“{unit}”相符：请写出更完整的路径（如 乡镇/单位）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/trends.py" line="1"/>
        <source>A unit cannot succeed itself ({unit}).</source>
        <translation>单位不能承继自身（{unit}）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/trends.py" line="1"/>
        <source>{new} already leads back to {old}: the successions would go round in a circle.</source>
        <translation>“{new}”已承继回“{old}”：承继关系将形成循环。</translation>
    </message>
    <message>
        <location filename="../../models/messages/trends.py" line="1"/>
        <source>Units at HQ: record that one unit lives on as another.</source>
        <translation>总部单位管理：登记一个单位由另一个单位承继。</translation>
    </message>
    <message>
        <location filename="../../models/messages/trends.py" line="1"/>
        <source>Record that unit OLD (merged or renamed) lives on as unit NEW; the comparison with earlier campaigns counts OLD&apos;s history under NEW.</source>
        <translation>登记单位 OLD（已合并或更名）由单位 NEW 承继；与往届活动比较时，OLD 的历史数据计入 NEW。</translation>
    </message>
    <message>
        <location filename="../../models/messages/trends.py" line="1"/>
        <source>Recorded: {old} lives on as {new}.</source>
        <translation>已登记：“{old}”由“{new}”承继。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rankings.py" line="1"/>
        <source>Between 0 and 100 %.</source>
        <translation>应在 0 至 100% 之间。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rankings.py" line="1"/>
        <source>Not below 0.</source>
        <translation>不能小于 0。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rankings.py" line="1"/>
        <source>Only HQ sets a unit&apos;s appraisal category; this device reads it.</source>
        <translation>单位的考评类别由总部设置；本设备只读。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rectification_loop.py" line="1"/>
        <source>No unit has problems overdue or due soon: no reminder was written.</source>
        <translation>没有单位存在逾期或临期问题，未生成催办通知。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rectification_loop.py" line="1"/>
        <source>Held back on this device: HQ refused the photo because it still carries location or camera data. Take it off the report and attach it again.</source>
        <translation>已暂留在本机：照片仍带有位置或相机信息，总部未接收。请从整改报告中移除该照片后重新添加。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rectification_loop.py" line="1"/>
        <source>Held back on this device: HQ takes only JPEG or PNG photos from a unit&apos;s device. Take it off the report and attach a JPEG or PNG photo.</source>
        <translation>已暂留在本机：总部只接收单位设备发送的 JPEG 或 PNG 照片。请从整改报告中移除该文件，改为添加 JPEG 或 PNG 照片。</translation>
    </message>
    <message>
        <location filename="../../models/messages/ledger_imports.py" line="1"/>
        <source>the ledger number is empty</source>
        <translation>台账编号为空</translation>
    </message>
    <message>
        <location filename="../../models/messages/ledger_imports.py" line="1"/>
        <source>ledger number {number} appears again (first on row {first_row})</source>
        <translation>台账编号{number}重复（首次出现在第{first_row}行）</translation>
    </message>
    <message>
        <location filename="../../models/messages/ledger_imports.py" line="1"/>
        <source>the problem&apos;s description is empty</source>
        <translation>问题描述为空</translation>
    </message>
    <message>
        <location filename="../../models/messages/ledger_imports.py" line="1"/>
        <source>no campaign is called &apos;{name}&apos;</source>
        <translation>没有名为“{name}”的评议活动</translation>
    </message>
    <message>
        <location filename="../../models/messages/ledger_imports.py" line="1"/>
        <source>imported {count} problems</source>
        <translation>导入问题{count}条</translation>
    </message>
    <message>
        <location filename="../../models/messages/ledger_imports.py" line="1"/>
        <source>updated {count} problems</source>
        <translation>更新问题{count}条</translation>
    </message>
    <message>
        <location filename="../../models/messages/ledger_imports.py" line="1"/>
        <source>evaluations: how the forms were collected (paper, online or kiosk; default paper)</source>
        <translation>评议表导入：评议表的收集方式（paper 纸质、online 网上或 kiosk 评价器；默认 paper）</translation>
    </message>
    <message>
        <location filename="../../models/messages/ledger_imports.py" line="1"/>
        <source>--source goes with import evaluations</source>
        <translation>--source 只能用于 import evaluations</translation>
    </message>
    <message>
        <location filename="../../models/messages/ledger_imports.py" line="1"/>
        <source>parents rate a school or a unit under a school, not this unit</source>
        <translation>家长只评议学校或学校下属单位，不能评议此单位</translation>
    </message>
    <message>
        <location filename="../../models/messages/ledger_imports.py" line="1"/>
        <source>patients rate a hospital or a unit under a hospital, not this unit</source>
        <translation>患者只评议医院或医院下属单位，不能评议此单位</translation>
    </message>
    <message>
        <location filename="../../models/messages/work_report.py" line="1"/>
        <source>work-report: the signer printed right of the document number; when not given, the signer set in the office settings, else left blank for the name to be written in</source>
        <translation>work-report：签发人，印在发文字号右侧；未给出时用办公室设置中的签发人，未设置则留空，供手写填入</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>Visits, findings and criticisms are imported at HQ or on a representative&apos;s laptop, not on this device.</source>
        <translation>走访、发现的问题和批评教育只能在总部或督查代表的电脑上导入，本设备不能导入。</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>Only HQ imports accountability cases.</source>
        <translation>只有总部可以导入问责案件。</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>Opinions are imported at HQ, at the office or on a representative&apos;s laptop, not on this device.</source>
        <translation>意见建议只能在总部、办公室或督查代表的电脑上导入，本设备不能导入。</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>the unit is empty</source>
        <translation>单位为空</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>the date is empty</source>
        <translation>日期为空</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>&apos;{value}&apos; is not a time of the form YYYY-MM-DD HH:MM</source>
        <translation>“{value}”不是 YYYY-MM-DD HH:MM 格式的时间</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>the opinion&apos;s text is empty</source>
        <translation>意见建议内容为空</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>no inspection team is called &apos;{name}&apos;</source>
        <translation>没有名为“{name}”的督查组</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>this laptop imports visits of its own team only, not of &apos;{name}&apos;</source>
        <translation>本电脑只能导入本组的走访，不能导入“{name}”的走访</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>no representative of the visit&apos;s team is called &apos;{name}&apos;</source>
        <translation>走访所属督查组中没有名为“{name}”的督查代表</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>several representatives are called &apos;{name}&apos;: name the visit&apos;s team</source>
        <translation>有多名督查代表名为“{name}”：请写明走访的督查组</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>a planned secret visit imported on this laptop must name its own representative, or the laptop would not show it</source>
        <translation>在本电脑导入计划中的暗访，须列入本电脑的督查代表，否则本电脑看不到这次走访</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>no visit of {unit} on {date}</source>
        <translation>{unit}在{date}没有走访记录</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>{unit} had several visits on {date} ({kinds}): give the visit&apos;s kind</source>
        <translation>{unit}在{date}有多次走访（{kinds}）：请写明走访类别</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>give the date of the visit (or of the finding)</source>
        <translation>请填写走访日期（或发现日期）</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>the visit of {unit} on {date} has no finding to tie the criticism to</source>
        <translation>{unit}在{date}的走访没有发现的问题，批评教育无从关联</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>the visit of {unit} on {date} has several findings: leave its date out to record the criticism alone</source>
        <translation>{unit}在{date}的走访有多个发现的问题：不填走访日期即可单独记录这条批评教育</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>no problem has the ledger number {number}</source>
        <translation>没有台账编号为{number}的问题</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>several problems have the ledger number {number}</source>
        <translation>有多个问题的台账编号为{number}</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>a case about a person names the person</source>
        <translation>针对个人的问责须写明姓名</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>a case about a unit names the unit</source>
        <translation>针对单位的问责须写明单位</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>imported {count} opinions</source>
        <translation>导入意见建议{count}条</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>imported {count} visits</source>
        <translation>导入走访{count}次</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>imported {count} findings</source>
        <translation>导入发现的问题{count}个</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>imported {count} criticisms</source>
        <translation>导入批评教育{count}条</translation>
    </message>
    <message>
        <location filename="../../models/messages/record_imports.py" line="1"/>
        <source>imported {count} accountability cases</source>
        <translation>导入问责案件{count}件</translation>
    </message>
    <message>
        <location filename="../../models/messages/checklists.py" line="1"/>
        <source>Only HQ writes checklist templates; this device reads them.</source>
        <translation>只有总部可以编写检查清单模板；本设备只能读取。</translation>
    </message>
    <message>
        <location filename="../../models/messages/checklists.py" line="1"/>
        <source>This item is not in the visit&apos;s checklist.</source>
        <translation>此项不在本次走访的检查清单中。</translation>
    </message>
    <message>
        <location filename="../../models/messages/checklists.py" line="1"/>
        <source>A checklist needs at least one item.</source>
        <translation>检查清单至少需要一个检查项。</translation>
    </message>
    <message>
        <location filename="../../models/messages/checklists.py" line="1"/>
        <source>There is no checklist for this kind of unit.</source>
        <translation>此类单位没有检查清单。</translation>
    </message>
    <message>
        <location filename="../../models/messages/checklists.py" line="1"/>
        <source>Choose the visit&apos;s unit first: the checklist follows the unit&apos;s kind.</source>
        <translation>请先选择走访的单位：检查清单按单位类型确定。</translation>
    </message>
    <message>
        <location filename="../../models/messages/checklists.py" line="1"/>
        <source>Checklist saved: {made} findings made, {removed} removed.</source>
        <translation>检查清单已保存：新增发现问题{made}个，撤销{removed}个。</translation>
    </message>
    <message>
        <location filename="../../models/messages/checklists.py" line="1"/>
        <source>checklist template</source>
        <translation>检查清单模板</translation>
    </message>
    <message>
        <location filename="../../models/messages/checklists.py" line="1"/>
        <source>checklist item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../models/messages/checklists.py" line="1"/>
        <source>checklist result</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>The round asks for {units} units but the pool has only {pool}.</source>
        <translation>本轮要抽取 {units} 个单位，但单位池只有 {pool} 个。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>The date window {date_from} to {date_to} is empty.</source>
        <translation>日期范围 {date_from} 至 {date_to} 为空。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>No eligible representative is left for unit {unit}: the team needs {needed} and has {found}. Widen the pool, raise the visits per representative or lower the team size.</source>
        <translation>单位 {unit} 已没有符合条件的代表：小组需要 {needed} 人，现有 {found} 人。请扩大代表池、提高每名代表的检查次数或减少小组人数。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>{path} is not a readable round file (UTF-8 JSON).</source>
        <translation>{path} 不是可读的抽查轮次文件（UTF-8 JSON）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>{path} is not a FieldInspect round file of a version this program knows.</source>
        <translation>{path} 不是本程序能识别版本的督查通抽查轮次文件。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>The round does not verify: {what} differs from what its inputs and seed material give.</source>
        <translation>抽查轮次验证未通过：{what} 与其输入和种子材料算出的结果不同。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>The round file lacks a part the verification needs.</source>
        <translation>抽查轮次文件缺少验证所需的部分。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>Random inspection rounds (two randoms): draw, verify and publish.</source>
        <translation>双随机抽查轮次：抽取、验证和公开。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>Recompute a round file&apos;s draw (full or public) and check it against its inputs, commitment and seed material.</source>
        <translation>重新计算抽查轮次文件（完整或公开）的抽取结果，并与其输入、承诺值和种子材料核对。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>The round verifies: {units} units drawn as the file says, from a seed HQ committed to before the public value was known.</source>
        <translation>抽查轮次验证通过：{units} 个单位的抽取结果与文件一致，种子来自总部在公开值确定之前已承诺的秘密值。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>The draw matches its seed, but the seed was given directly (--seed): the round is marked not verifiable and proves nothing about who chose it.</source>
        <translation>抽取结果与种子一致，但种子是直接给定的（--seed）：本轮标记为不可验证，不能证明抽取未被人为选择。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>Only HQ draws a random round.</source>
        <translation>只有总部可以抽取随机抽查轮次。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>No single campaign is named {campaign}.</source>
        <translation>没有唯一名为 {campaign} 的活动。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>No round {round}.</source>
        <translation>没有抽查轮次 {round}。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>Round {round} is not waiting for its public value: it was drawn already or a newer commitment replaced it.</source>
        <translation>抽查轮次 {round} 不在等待公开值：它已抽取，或已被更新的承诺取代。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>Round {round} has not been drawn yet.</source>
        <translation>抽查轮次 {round} 尚未抽取。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>The round runs until {date_to}: it is published only after its last date.</source>
        <translation>本轮持续到 {date_to}：最后一天过后才能公开。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>At HQ: fix the pools and constraints and a random secret, record and print the commitment; draw later with the public value.</source>
        <translation>总部：固定单位池、代表池、约束条件和一个随机秘密值，记录并打印承诺值；之后用公开值抽取。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>At HQ: draw a committed round (--round ID --public-value TEXT), or draw at once from --seed HEX (marked not verifiable); writes the full round file.</source>
        <translation>总部：抽取已承诺的轮次（--round ID --public-value TEXT），或直接用 --seed HEX 抽取（标记为不可验证）；写出完整轮次文件。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>At HQ, after the round&apos;s last date: write the public round file with the units, their outcomes and the inspectors as pseudonyms.</source>
        <translation>总部，在本轮最后一天之后：写出公开轮次文件，含单位、检查结果和以化名表示的检查人员。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>At HQ: write the full round file (the real representative pool), recorded in the audit trail.</source>
        <translation>总部：写出完整轮次文件（含真实代表池），并记入审计记录。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>Missing: {options}.</source>
        <translation>缺少：{options}。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>A public value known before the commitment would let HQ choose the outcome: run plan commit first, then plan draw --round ID --public-value TEXT once the value is fixed.</source>
        <translation>承诺之前已知的公开值会让总部能够选择结果：请先运行 plan commit，待公开值确定后再运行 plan draw --round ID --public-value TEXT。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>A seed is 64 hexadecimal digits (32 bytes).</source>
        <translation>种子必须是 64 位十六进制数字（32 字节）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>Could not write {path}.</source>
        <translation>无法写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>Round {round} committed.
Commitment (SHA-256 of the secret): {commitment}
Inputs&apos; hash: {inputs_hash}
Publish both now; once the public value is fixed, run: fieldinspect plan draw --round {round} --public-value TEXT --out ROUND_FILE</source>
        <translation>抽查轮次 {round} 已承诺。
承诺值（秘密值的 SHA-256）：{commitment}
输入哈希：{inputs_hash}
请立即公布这两个值；公开值确定后运行：fieldinspect plan draw --round {round} --public-value TEXT --out ROUND_FILE</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>Round {round} drawn from seed {seed}: {visits} visits planned. Full round file (keep it at HQ): {path}</source>
        <translation>抽查轮次 {round} 已用种子 {seed} 抽取：计划检查 {visits} 次。完整轮次文件（留存总部）：{path}</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>Published: {units} units and their outcomes in {path}.</source>
        <translation>已公开：{units} 个单位及其检查结果，见 {path}。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>Full round file written to {path} (recorded in the audit trail).</source>
        <translation>完整轮次文件已写入 {path}（已记入审计记录）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>No unit {unit}: give the unit of work as its path or name (e.g. township/unit).</source>
        <translation>没有单位 {unit}：请用路径或名称填写工作单位（如 乡镇/单位）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>The round has no visit {visit} (give the visit&apos;s id or its unit&apos;s name or path).</source>
        <translation>本轮没有访查 {visit}（请给出访查编号，或其单位的名称或路径）。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>Round {round} is published: its teams no longer change.</source>
        <translation>第 {round} 轮已公开，其访查组不再变动。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>The visit is done: nobody steps aside from it any more.</source>
        <translation>该访查已完成，不能再回避。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>{representative} is not on this visit&apos;s team.</source>
        <translation>{representative} 不在该访查的访查组中。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>Nobody left in the round&apos;s reserve may go on this visit: draw a new round or leave the team one short.</source>
        <translation>本轮备选名单中已没有可去该访查的代表：请重新抽取一轮，或让访查组少一人。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>At HQ: a representative steps aside from a drawn visit; the next eligible representative of the round&apos;s reserve replaces them, recorded in the round file and the audit trail.</source>
        <translation>总部：代表回避已抽定的访查；由本轮备选名单中下一位符合条件的代表替换，并记入轮次文件和审计记录。</translation>
    </message>
    <message>
        <location filename="../../models/messages/rounds.py" line="1"/>
        <source>{leaving} steps aside from the visit to {unit}; {replacement} goes instead (recorded in the round and the audit trail).</source>
        <translation>{leaving} 回避对 {unit} 的访查，改由 {replacement} 前往（已记入本轮和审计记录）。</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="1"/>
        <source>Edit problem</source>
        <translation>修改问题</translation>
    </message>
    <message>
        <source>Confidential source</source>
        <translation>来源保密</translation>
    </message>
    <message>
        <source>Reply to the complainant</source>
        <translation>答复投诉人（回访）</translation>
    </message>
    <message>
        <source>Reply method</source>
        <translation>答复方式</translation>
    </message>
    <message>
        <source>Replied on</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <source>Replied by</source>
        <translation>答复人</translation>
    </message>
    <message>
        <source>Complainant&apos;s view</source>
        <translation>投诉人评价</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="73"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="76"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="77"/>
        <source>Overdue only</source>
        <translation>仅显示逾期</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="100"/>
        <source>Rectified on</source>
        <translation>整改完成日期</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="101"/>
        <source>Reason for reopening</source>
        <translation>重新打开原因</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="102"/>
        <source>Campaign</source>
        <translation>评议活动</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="81"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="82"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="83"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="84"/>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="85"/>
        <source>Rectification measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="86"/>
        <source>Reported</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="87"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="88"/>
        <source>Progress notes</source>
        <translation>整改进展</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="89"/>
        <source>Verification</source>
        <translation>核查验收</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="100"/>
        <source>Set status</source>
        <translation>更改状态</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="114"/>
        <source>New problem</source>
        <translation>新建问题</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="126"/>
        <source>Reopen problem</source>
        <translation>重新打开问题</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/ledger.py" line="127"/>
        <source>Why is this problem reopened?</source>
        <translation>为何重新打开该问题？</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/problems.py" line="1"/>
        <source>Assignment to the unit</source>
        <translation>交办</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/problems.py" line="1"/>
        <source>What the unit reads</source>
        <translation>交办内容（单位所见）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/problems.py" line="1"/>
        <source>Assignment notice number</source>
        <translation>交办通知文号</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/problems.py" line="1"/>
        <source>Assigned on</source>
        <translation>交办日期</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/problems.py" line="1"/>
        <source>Ledger number</source>
        <translation>台账编号</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/problems.py" line="1"/>
        <source>Import ledger…</source>
        <translation>导入台账…</translation>
    </message>
</context>
<context>
    <name>ProblemsTable</name>
    <message>
        <location filename="../../desktop/spreadsheets/preview.py" line="68"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/preview.py" line="68"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/preview.py" line="68"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../desktop/startup.py" line="143"/>
        <source>Who are you?</source>
        <translation>请选择用户</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="156"/>
        <source>Profile</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="157"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="172"/>
        <source>Wrong PIN.</source>
        <translation>PIN 码错误。</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="177"/>
        <source>This profile is locked for now: %1</source>
        <translation>该用户暂被锁定：%1</translation>
    </message>
</context>
<context>
    <name>ProfileEditDialog</name>
    <message>
        <location filename="../../desktop/pages/profiles.py" line="42"/>
        <source>Set PIN</source>
        <translation>设置 PIN 码</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/profiles.py" line="42"/>
        <source>Add a profile</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/profiles.py" line="53"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/profiles.py" line="55"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/profiles.py" line="56"/>
        <source>PIN (4 digits or more; empty for none)</source>
        <translation>PIN 码（至少 4 位数字；留空则不设）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/profiles.py" line="57"/>
        <source>Repeat the PIN</source>
        <translation>再次输入 PIN 码</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/profiles.py" line="74"/>
        <source>Give the person&apos;s name.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/profiles.py" line="76"/>
        <source>The two PINs differ.</source>
        <translation>两次输入的 PIN 码不一致。</translation>
    </message>
</context>
<context>
    <name>ProfilesPanel</name>
    <message>
        <location filename="../../desktop/pages/profiles.py" line="90"/>
        <location filename="../../desktop/pages/profiles.py" line="141"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/profiles.py" line="90"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/profiles.py" line="90"/>
        <location filename="../../desktop/pages/profiles.py" line="142"/>
        <location filename="../../desktop/pages/profiles.py" line="158"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/profiles.py" line="101"/>
        <source>Add a profile…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/profiles.py" line="102"/>
        <source>Set PIN…</source>
        <translation>设置 PIN 码…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/profiles.py" line="120"/>
        <source>Blocked: wrong PINs</source>
        <translation>已锁定：PIN 码错误次数过多</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/profiles.py" line="121"/>
        <source>Set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/profiles.py" line="121"/>
        <source>None</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/profiles.py" line="144"/>
        <source>Profile %1 added.</source>
        <translation>已添加用户 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/profiles.py" line="160"/>
        <source>PIN of %1 changed.</source>
        <translation>已修改 %1 的 PIN 码。</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>移除用户</translation>
    </message>
    <message>
        <source>Remove the profile %1 from this device? What %1 wrote keeps the name.</source>
        <translation>从本设备移除用户 %1？%1 录入的记录仍保留其署名。</translation>
    </message>
    <message>
        <source>Profile %1 removed.</source>
        <translation>已移除用户 %1。</translation>
    </message>
    <message>
        <source>You cannot remove your own profile.</source>
        <translation>不能移除自己的用户。</translation>
    </message>
    <message>
        <source>%1 is the last profile that can manage the others, so it stays.</source>
        <translation>%1 是本设备上最后一个可以管理其他用户的用户，不能移除。</translation>
    </message>
</context>
<context>
    <name>RankingChartView</name>
    <message>
        <location filename="../../desktop/widgets/ranking.py" line="94"/>
        <source>Ranked</source>
        <translation>参与排名</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ranking.py" line="95"/>
        <source>Under the minimum sample</source>
        <translation>样本不足</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ranking.py" line="105"/>
        <source>Lowest weighted scores by unit</source>
        <translation>测评得分最低的单位</translation>
    </message>
</context>
<context>
    <name>RankingTableModel</name>
    <message>
        <location filename="../../desktop/widgets/ranking.py" line="40"/>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ranking.py" line="40"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ranking.py" line="40"/>
        <source>Forms</source>
        <translation>表数</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ranking.py" line="41"/>
        <source>Satisfaction rate</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ranking.py" line="41"/>
        <source>Weighted score</source>
        <translation>测评得分</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ranking.py" line="70"/>
        <source>Under the minimum sample: not ranked</source>
        <translation>样本不足，不参与排名</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ranking.py" line="74"/>
        <source>unranked</source>
        <translation>未排名</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ranking.py" line="1"/>
        <source>Appraisal category</source>
        <translation>考评类别</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ranking.py" line="1"/>
        <source>Band</source>
        <translation>等次</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ranking.py" line="1"/>
        <source>Advanced</source>
        <translation>先进</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ranking.py" line="1"/>
        <source>Qualified</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ranking.py" line="1"/>
        <source>Last band</source>
        <translation>末位</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../desktop/pages/record_page.py" line="60"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/record_page.py" line="61"/>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/record_page.py" line="62"/>
        <location filename="../../desktop/pages/record_page.py" line="178"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/record_page.py" line="120"/>
        <source>Counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/pages/record_page.py" line="123"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/record_page.py" line="145"/>
        <source>New record</source>
        <translation>新建记录</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/record_page.py" line="169"/>
        <source>Edit record</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/record_page.py" line="178"/>
        <source>Delete the selected record?</source>
        <translation>删除所选记录？</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/record_page.py" line="64"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/record_page.py" line="73"/>
        <source>History…</source>
        <translation>历史记录…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/record_import.py" line="1"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
</context>
<context>
    <name>RecordHistoryDialog</name>
    <message>
        <location filename="../../desktop/widgets/history_dialog.py" line="31"/>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/history_dialog.py" line="32"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/history_dialog.py" line="33"/>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/history_dialog.py" line="77"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/history_dialog.py" line="84"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/history_dialog.py" line="84"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/history_dialog.py" line="84"/>
        <source>What happened</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/history_dialog.py" line="85"/>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/history_dialog.py" line="85"/>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/history_dialog.py" line="99"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/history_dialog.py" line="100"/>
        <source>A change made on another device shows here once it arrives by sync; several changes made there between two syncs show as one.</source>
        <translation>其他设备上的修改在同步到本机后显示于此；两次同步之间在其他设备上所做的多次修改合并显示为一次。</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/history_dialog.py" line="121"/>
        <source>The history could not be read.</source>
        <translation>无法读取历史记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/history_dialog.py" line="134"/>
        <source>No earlier versions are kept for this record.</source>
        <translation>本机未保存此记录的历史版本。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/widgets/history_dialog.py" line="137"/>
        <source>%n version(s), newest first</source>
        <translation>
            <numerusform>共 %n 个版本，最新的在前</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/history_dialog.py" line="167"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../desktop/pages/reports.py" line="1"/>
        <source>Reminder notices</source>
        <translation>催办通知</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="1"/>
        <source>One notice per unit with problems overdue or due within the office&apos;s days, each with its days.</source>
        <translation>对存在逾期或在规定天数内到期问题的单位，每个单位一份通知，逐项列明逾期或剩余天数。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="1"/>
        <source>Folder for the reminder notices</source>
        <translation>催办通知的保存文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reminder_row.py" line="1"/>
        <source>No unit has problems overdue or due soon: no reminder was written.</source>
        <translation>没有单位存在逾期或临期问题，未生成催办通知。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reminder_row.py" line="1"/>
        <source>%1 files of reminder notices written to %2.</source>
        <translation>已将 %1 个催办通知文件写入 %2。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="1"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="93"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="94"/>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="95"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="112"/>
        <source>Each output is written from the records in this store. Public outputs leave out secret-visit details, informants and criticisms that are not circulated.</source>
        <translation>各项输出均根据本机数据生成。公开输出不含暗访细节、意见提供人信息和未通报的批评处理。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="120"/>
        <source>Output</source>
        <translation>输出项目</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="120"/>
        <source>Filters</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="120"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="137"/>
        <source>Reports</source>
        <translation>报表输出</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="141"/>
        <source>Rectification ledger</source>
        <translation>整改台账</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="142"/>
        <source>Problems with measures, deadlines and status, in the customary layout.</source>
        <translation>按惯用格式列出问题、整改措施、整改时限和整改状态。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="144"/>
        <source>Public notice of rectification</source>
        <translation>整改公示</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="145"/>
        <source>Problems, measures, deadlines and who answers for them, with everything confidential removed.</source>
        <translation>公示问题、整改措施、整改时限和责任人，已删除全部保密内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="147"/>
        <source>Circulated criticism notice</source>
        <translation>通报批评文件</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="148"/>
        <source>The circulated criticisms decided in the period that are not yet in a notice.</source>
        <translation>期间内作出、尚未编入通报的通报批评。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="150"/>
        <source>Unit feedback, all units</source>
        <translation>单位评议结果反馈（全部单位）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="151"/>
        <source>One PDF per evaluated unit: results, reasons, opinions and open problems.</source>
        <translation>每个被评议单位一份 PDF：评议结果、不满意原因、意见建议和待整改问题。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="153"/>
        <source>County summary</source>
        <translation>全县工作汇总</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="154"/>
        <source>The year&apos;s figures with charts.</source>
        <translation>全年各项数据，附图表。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="155"/>
        <source>Rankings</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="157"/>
        <source>Overdue and upcoming deadlines</source>
        <translation>逾期及临期问题</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="158"/>
        <source>Problems past their deadline or due within a week.</source>
        <translation>已超过整改时限或一周内到期的问题。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="1"/>
        <source>Visit-round report</source>
        <translation>明察暗访情况通报</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="1"/>
        <source>Per unit: the visits made, what they found and what was done, with no time, place or team of a secret visit.</source>
        <translation>按单位列出走访次数、发现的问题及整改情况，不含暗访的时间、地点和暗访组。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/visit_round_options.py" line="1"/>
        <source>Visits from</source>
        <translation>走访日期从</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="176"/>
        <source>Campaign</source>
        <translation>评议活动</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="180"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="183"/>
        <source>Overdue only</source>
        <translation>仅逾期</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="184"/>
        <source>Status</source>
        <translation>整改状态</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="194"/>
        <source>Number from headquarters</source>
        <translation>由总部编号</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="196"/>
        <source>Without it the number is left blank, to be filled in when headquarters issues it.</source>
        <translation>不勾选时文号留空，待总部印发时填写。</translation>
    </message>
    <message>
        <source>Include criticisms already circulated</source>
        <translation>包含已通报的批评</translation>
    </message>
    <message>
        <source>Circulate again the criticisms an earlier notice already circulated. Headquarters checks this when it numbers the notice.</source>
        <translation>再次通报此前通报中已通报过的批评。总部在编号时核对。</translation>
    </message>
    <message>
        <source>Not checked against earlier notices: only a number from headquarters leaves out criticisms already circulated.</source>
        <translation>未与此前的通报核对：只有由总部编号时才会剔除已通报的批评。</translation>
    </message>
    <message>
        <source>Criticisms already circulated were included again.</source>
        <translation>已再次包含此前已通报的批评。</translation>
    </message>
    <message>
        <source>%1 criticism(s) already circulated in an earlier notice were left out.</source>
        <translation>已剔除 %1 条此前通报中已通报的批评。</translation>
    </message>
    <message>
        <source>No problem or opinion was left out by the campaign filter.</source>
        <translation>按评议活动筛选，未剔除任何问题或意见建议。</translation>
    </message>
    <message>
        <source>%1 problem(s) or opinion(s) were left out by the campaign filter: %2 with no campaign, %3 of other campaigns.</source>
        <translation>按评议活动筛选，剔除问题或意见建议 %1 件：未关联评议活动的 %2 件，属于其他评议活动的 %3 件。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="199"/>
        <source>Decided from</source>
        <translation>处理日期从</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="201"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="219"/>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="219"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="242"/>
        <source>All campaigns</source>
        <translation>全部评议活动</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="326"/>
        <source>Folder for the unit feedback</source>
        <translation>单位反馈保存文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="329"/>
        <source>Save %1</source>
        <translation>保存%1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="350"/>
        <source>Stopped: %1 of %2 unit reports were written to %3.</source>
        <translation>已停止：%2 个单位中已有 %1 份反馈写入 %3。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="353"/>
        <source>Unit feedback stopped</source>
        <translation>单位反馈已停止</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="362"/>
        <source>%1 unit reports written to %2.</source>
        <translation>已将 %1 份单位反馈写入 %2。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="365"/>
        <source>Written to %1.</source>
        <translation>已写入 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="367"/>
        <source>%1 written</source>
        <translation>%1已生成</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="374"/>
        <source>Writing…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="1"/>
        <source>Writing unit feedback…</source>
        <translation>正在生成单位反馈…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="1"/>
        <source>Stopped: no unit report was written.</source>
        <translation>已停止：尚未写入任何单位反馈。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/notice_options.py" line="1"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/notice_options.py" line="1"/>
        <source>The notice is on public display from its issue date for this many days; the notice prints the period.</source>
        <translation>公示自发布之日起公示的天数；公示中写明公示期。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/notice_options.py" line="1"/>
        <source>Include problems not yet investigated</source>
        <translation>列入尚在受理的问题</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/notice_options.py" line="1"/>
        <source>By default the notice lists only problems under investigation or later, and says how many it left out.</source>
        <translation>默认只列入已进入查处及以后阶段的问题，并说明未列入的数量。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/notice_options.py" line="1"/>
        <source>Publicity period</source>
        <translation>公示期</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/notice_options.py" line="1"/>
        <source>Publicity period: %1 to %2.</source>
        <translation>公示期：%1至%2。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/notice_options.py" line="1"/>
        <source>%1 problem(s) not yet investigated were left out.</source>
        <translation>另有 %1 个问题尚在受理，未列入。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>Assignment notices</source>
        <translation>交办通知</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>One notice per unit with its new problems, deadlines and responsible persons; a confidential one by its assignment text.</source>
        <translation>每个单位一份，列出新交办的问题、整改时限和责任人；来源保密的问题只列交办文本。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>Folder for the assignment notices</source>
        <translation>交办通知保存文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>Numbered by headquarters; the problems then go to their units.</source>
        <translation>由总部编号；问题随后送达所属单位。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>No unit has new problems to assign: no notice was written.</source>
        <translation>没有单位有待交办的新问题：未生成通知。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>%1 files of assignment notices written to %2; %3 problems now carry their notice number.</source>
        <translation>已将 %1 个交办通知文件写入 %2；%3 个问题已记上交办通知文号。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>Discipline exposure notice</source>
        <translation>曝光通报</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>The accountability cases ticked for publication: unit, person, violation, outcome and date.</source>
        <translation>勾选曝光的问责案件：单位、人员、问题、处理结果和日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="156"/>
        <source>Units ranked within each appraisal category with their bands, and per group; top and bottom lists.</source>
        <translation>按考评类别分别排名并划分等次，另按评议群体排名；前列和后进名单。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="1"/>
        <source>Appraisal points</source>
        <translation>绩效考核得分</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/reports.py" line="1"/>
        <source>Each ranked unit&apos;s score as the appraisal&apos;s points, with its category, rank and band.</source>
        <translation>各参与排名单位的测评得分折算为考核分值，附考评类别、类别内名次和等次。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/work_report_row.py" line="1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/work_report_row.py" line="1"/>
        <source>Printed right of the document number; left empty, the signer set in the office settings, else a space for the name to be written in.</source>
        <translation>印在发文字号右侧；不填则用办公室设置中的签发人，未设置则留出空位，供手写签发人姓名。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/work_report_row.py" line="1"/>
        <source>Signer</source>
        <translation>签发人</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/report_rows.py" line="1"/>
        <source>Work report (upward)</source>
        <translation>工作情况汇报</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/report_rows.py" line="1"/>
        <source>The campaign&apos;s report to the leadership: every figure filled in, the narrative marked for you to write in the DOCX.</source>
        <translation>向上级报送的活动工作情况汇报：各项数据已自动填入，叙述部分已标出，请在 DOCX 中填写。</translation>
    </message>
</context>
<context>
    <name>RepresentativesPanel</name>
    <message>
        <location filename="../../desktop/pages/units.py" line="1"/>
        <source>Edit representative</source>
        <translation>修改评议代表</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/units.py" line="1"/>
        <source>New representative</source>
        <translation>新建评议代表</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/units.py" line="30"/>
        <source>Evaluation representatives</source>
        <translation>评议代表</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/units.py" line="33"/>
        <location filename="../../desktop/pages/units.py" line="38"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/units.py" line="37"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/units.py" line="39"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/units.py" line="40"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/units.py" line="41"/>
        <source>Inspection team</source>
        <translation>督查组</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Unit of work</source>
        <translation>工作单位</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desktop/pages/settings.py" line="35"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings.py" line="37"/>
        <source>Language of the window</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings.py" line="41"/>
        <source>People using this device</source>
        <translation>本机用户</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings.py" line="50"/>
        <source>This device</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings.py" line="52"/>
        <source>Profile</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings.py" line="54"/>
        <source>Device role</source>
        <translation>设备角色</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings.py" line="57"/>
        <source>Data directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings.py" line="58"/>
        <source>Device id</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings.py" line="61"/>
        <source>Enroll with headquarters…</source>
        <translation>向总部登记…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings.py" line="68"/>
        <source>Headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings.py" line="94"/>
        <source>Not enrolled: this device does not sync.</source>
        <translation>未登记：本设备不同步。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings.py" line="71"/>
        <source>This store holds demo data and can never sync with headquarters.</source>
        <translation>本数据库为演示数据，永远不会与总部同步。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings.py" line="75"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>The window hides every record and asks for the PIN after this long without use. A supervisor sets it.</source>
        <translation>窗口闲置超过此时长后将隐藏所有记录并要求输入 PIN。由主管设置。</translation>
    </message>
    <message>
        <source>Lock the window after</source>
        <translation>闲置多久后锁定窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings.py" line="1"/>
        <source>Download attachments after sync up to</source>
        <translation>同步后自动下载附件，单个不超过</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings.py" line="1"/>
        <source> MB each</source>
        <translation> MB</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings.py" line="1"/>
        <source>Off: only when opened</source>
        <translation>关闭：仅在打开时下载</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/settings.py" line="1"/>
        <source>After each sync, photos and scans this device may see are downloaded if each is at most this size; larger ones when they are opened. A supervisor sets it.</source>
        <translation>每次同步后，本机有权查看的照片和扫描件中不超过此大小的会自动下载；更大的在打开时下载。由主管设置。</translation>
    </message>
</context>
<context>
    <name>SettlePanel</name>
    <message>
        <location filename="../../desktop/entry/verify.py" line="169"/>
        <source>Form number</source>
        <translation>表号</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="169"/>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="169"/>
        <source>First keying</source>
        <translation>第一次录入</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="170"/>
        <source>Second keying</source>
        <translation>第二次录入</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="170"/>
        <source>Settled</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="176"/>
        <source>Keep the first keying</source>
        <translation>以第一次录入为准</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="177"/>
        <source>Take the second keying</source>
        <translation>以第二次录入为准</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="178"/>
        <source>Void the form</source>
        <translation>作废此表</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="183"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="211"/>
        <source>Not in the first keying</source>
        <translation>第一次录入中没有</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="213"/>
        <source>Not re-keyed</source>
        <translation>未复录</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="215"/>
        <source>Level</source>
        <translation>评议等次</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="215"/>
        <source>Reason</source>
        <translation>不满意原因</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="216"/>
        <source>Suggestion</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="222"/>
        <source>First keying kept</source>
        <translation>保留第一次录入</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="222"/>
        <source>Corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="223"/>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="228"/>
        <source>Choose a difference in the list first.</source>
        <translation>请先在列表中选择一条差异。</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="234"/>
        <source>Settled.</source>
        <translation>已处理。</translation>
    </message>
</context>
<context>
    <name>Spreadsheets</name>
    <message>
        <location filename="../../desktop/spreadsheets/export.py" line="37"/>
        <source>Name</source>
        <comment>a person&apos;s name</comment>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/export.py" line="38"/>
        <source>Inspection team</source>
        <comment>a representative&apos;s team</comment>
        <translation>所属组</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/export.py" line="40"/>
        <source>Name</source>
        <comment>a unit&apos;s name</comment>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/export.py" line="41"/>
        <source>Kind</source>
        <comment>a unit&apos;s kind</comment>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/export.py" line="42"/>
        <source>Parent unit</source>
        <translation>上级单位</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/export.py" line="132"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/export.py" line="181"/>
        <source>Export the list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/export.py" line="184"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/export.py" line="185"/>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 编码 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/export.py" line="207"/>
        <source>Export cancelled</source>
        <translation>导出已取消</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/export.py" line="208"/>
        <source>Cancelled: no file was written.</source>
        <translation>已取消：没有写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/export.py" line="215"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/export.py" line="216"/>
        <source>%1 rows written to %2.</source>
        <translation>已将 %1 行写入 %2。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/campaigns.py" line="1"/>
        <source>%1 with contacts</source>
        <translation>%1（含联系方式）</translation>
    </message>
    <message>
        <location filename="../../desktop/spreadsheets/export.py" line="1"/>
        <source>Appraisal category</source>
        <translation>考评类别</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <location filename="../../desktop/open_store.py" line="103"/>
        <source>Preparing the demo data…</source>
        <translation>正在准备演示数据…</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../desktop/widgets/sync_indicator.py" line="18"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/sync_indicator.py" line="20"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/widgets/sync_indicator.py" line="31"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n 项更改待同步</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/sync_indicator.py" line="35"/>
        <source>Demo data: never syncs</source>
        <translation>演示数据：不同步</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/sync_indicator.py" line="37"/>
        <source>This store is a restored or copied one: enroll it again with a new code</source>
        <translation>本机数据由备份恢复或复制而来：请用新的登记码重新登记</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/sync_indicator.py" line="37"/>
        <source>Not enrolled with headquarters</source>
        <translation>未向总部登记</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/sync_indicator.py" line="39"/>
        <source>Headquarters revoked this device</source>
        <translation>总部已吊销本设备</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/sync_indicator.py" line="41"/>
        <source>sending</source>
        <translation>上传中</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/sync_indicator.py" line="41"/>
        <source>receiving</source>
        <translation>下载中</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/sync_indicator.py" line="43"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/sync_indicator.py" line="45"/>
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/sync_indicator.py" line="48"/>
        <source>Offline: headquarters cannot be reached</source>
        <translation>离线：无法连接总部</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/sync_indicator.py" line="53"/>
        <source>Never synced</source>
        <translation>尚未同步</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/widgets/sync_indicator.py" line="62"/>
        <source>%n sync issue(s)</source>
        <translation>
            <numerusform>%n 个同步问题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/sync_indicator.py" line="52"/>
        <source>Last synced %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/sync_indicator.py" line="1"/>
        <source>fetching photos</source>
        <translation>正在获取照片</translation>
    </message>
</context>
<context>
    <name>SyncIssues</name>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="34"/>
        <source>Evaluation form</source>
        <translation>评议表</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="35"/>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="36"/>
        <source>Finding</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="37"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="38"/>
        <location filename="../../desktop/pages/conflicts.py" line="69"/>
        <source>Opinion</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="39"/>
        <location filename="../../desktop/pages/conflicts.py" line="51"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="40"/>
        <source>Campaign</source>
        <translation>评议活动</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="41"/>
        <source>Inspection team</source>
        <translation>督查组</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="42"/>
        <source>Representative</source>
        <translation>评议代表</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="43"/>
        <source>Criticism</source>
        <translation>批评教育</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="44"/>
        <source>Accountability case</source>
        <translation>违纪案件</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="45"/>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="50"/>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="52"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="53"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="54"/>
        <source>Rectification measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="55"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="56"/>
        <source>Reason for reopening</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="57"/>
        <source>Level</source>
        <translation>评议等次</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="58"/>
        <source>Reason</source>
        <translation>不满意原因</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="59"/>
        <source>Suggestion</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="60"/>
        <source>Form number</source>
        <translation>表号</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="61"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="62"/>
        <source>Respondent group</source>
        <translation>评议群体</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="63"/>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="64"/>
        <source>Entered at</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="65"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="66"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="67"/>
        <source>Summary</source>
        <translation>情况摘要</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="68"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/conflicts.py" line="87"/>
        <source>(deleted at HQ)</source>
        <translation>（总部已删除）</translation>
    </message>
    <message>
        <source>Confidential source</source>
        <translation>来源保密</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/sync_issues.py" line="1"/>
        <source>Office settings</source>
        <translation>办公设置</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Problem source</source>
        <translation>问题来源</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Receipt of an assignment</source>
        <translation>交办签收</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Extension request</source>
        <translation>延期申请</translation>
    </message>
    <message>
        <location filename="../../desktop/labels.py" line="1"/>
        <source>Rectification report</source>
        <translation>整改报告</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/sync_issues.py" line="1"/>
        <source>Checklist template</source>
        <translation>检查清单模板</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/sync_issues.py" line="1"/>
        <source>Checklist item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/sync_issues.py" line="1"/>
        <source>Checklist result</source>
        <translation>检查结果</translation>
    </message>
</context>
<context>
    <name>TeamsPanel</name>
    <message>
        <location filename="../../desktop/pages/admin.py" line="1"/>
        <source>Edit inspection team</source>
        <translation>修改督查组</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/admin.py" line="1"/>
        <source>New inspection team</source>
        <translation>新建督查组</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/admin.py" line="25"/>
        <source>Inspection teams</source>
        <translation>督查组</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/admin.py" line="28"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>TypeAhead</name>
    <message>
        <location filename="../../desktop/entry/type_ahead.py" line="142"/>
        <source>Keys held after this form: %1. Saving it replays them; Esc discards them.</source>
        <translation>本表之后键入的 %1 个按键已暂存：保存本表后依次补录，按 Esc 放弃。</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/type_ahead.py" line="145"/>
        <source>Keys typed ahead: %1</source>
        <translation>已提前键入 %1 个按键</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/type_ahead.py" line="156"/>
        <source>Discarded the keys typed after this form (%1).</source>
        <translation>已放弃本表之后键入的按键（%1 个）。</translation>
    </message>
</context>
<context>
    <name>UnitsPage</name>
    <message>
        <location filename="../../desktop/pages/units.py" line="1"/>
        <source>New unit…</source>
        <translation>新建单位…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/units.py" line="1"/>
        <source>New unit</source>
        <translation>新建单位</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/units.py" line="1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/units.py" line="1"/>
        <source>Part of</source>
        <translation>上级单位</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/units.py" line="69"/>
        <source>Import units…</source>
        <translation>导入单位…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/units.py" line="70"/>
        <source>Import representatives…</source>
        <translation>导入评议代表…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/units.py" line="79"/>
        <source>Evaluated units</source>
        <translation>被评议单位</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/units.py" line="97"/>
        <source>Units and representatives</source>
        <translation>单位与评议代表</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/units.py" line="113"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/units.py" line="113"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/units.py" line="73"/>
        <source>Export units…</source>
        <translation>导出单位…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/units.py" line="1"/>
        <source>Record successor…</source>
        <translation>登记承继单位…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/units.py" line="1"/>
        <source>Appraisal category…</source>
        <translation>考评类别…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/units.py" line="1"/>
        <source>%1 (by kind)</source>
        <translation>%1（按单位类型）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/units.py" line="1"/>
        <source>Appraisal category</source>
        <translation>考评类别</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/units.py" line="1"/>
        <source>Appraisal category of %1</source>
        <translation>%1的考评类别</translation>
    </message>
</context>
<context>
    <name>VerifyPanel</name>
    <message>
        <location filename="../../desktop/entry/verify.py" line="78"/>
        <source>whole batch</source>
        <translation>整批</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="79"/>
        <source>Choose the sample</source>
        <translation>抽取样本</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="87"/>
        <source>Finish the second keying (Ctrl+Shift+E)</source>
        <translation>完成复录 (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="90"/>
        <source>Closed batch</source>
        <translation>已关闭批次</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="92"/>
        <source>Sample size</source>
        <translation>抽样数</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="111"/>
        <source>No closed batch waits for verification.</source>
        <translation>没有待复核的已关闭批次。</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="123"/>
        <source>%1 of %2 re-keyed. Forms to re-key: %3</source>
        <translation>已复录 %1 / 共 %2 张。待复录表号：%3</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="142"/>
        <source>Re-keyed form %1.</source>
        <translation>%1 号表已复录。</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="152"/>
        <source>%1 differences: a supervisor settles them on the Settle differences tab.</source>
        <translation>发现 %1 处差异：请负责人在“处理差异”页处理。</translation>
    </message>
    <message>
        <location filename="../../desktop/entry/verify.py" line="155"/>
        <source>No differences: the batch is verified.</source>
        <translation>无差异：本批已复核。</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="1"/>
        <source>Edit visit</source>
        <translation>修改走访</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="1"/>
        <source>New visit</source>
        <translation>新建走访</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="38"/>
        <source>Secret visits are confidential (highlighted): while planned they are seen only by headquarters and the representatives assigned.</source>
        <translation>暗访属保密事项（高亮显示）：计划阶段仅总部和指派的评议代表可见。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="45"/>
        <source>Visits</source>
        <translation>明察暗访</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="54"/>
        <location filename="../../desktop/pages/field_work.py" line="59"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="55"/>
        <location filename="../../desktop/pages/field_work.py" line="60"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="61"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="62"/>
        <source>Inspection team</source>
        <translation>督查组</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="63"/>
        <source>Representatives assigned</source>
        <translation>指派的评议代表</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="64"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="65"/>
        <source>Planned time</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="66"/>
        <source>Actual time</source>
        <translation>实际时间</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="67"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/field_work.py" line="68"/>
        <source>Summary</source>
        <translation>情况摘要</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/visits.py" line="1"/>
        <source>Checklist…</source>
        <translation>检查清单…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/visits.py" line="1"/>
        <source>Work through the selected visit&apos;s checklist; each failed item becomes a finding. (Ctrl+K)</source>
        <translation>逐项填写所选走访的检查清单；每个不合格项都会生成一条发现的问题。（Ctrl+K）</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../desktop/idle_lock.py" line="1"/>
        <source>This device has no other profile: a supervisor adds one under Settings.</source>
        <translation>本机没有其他用户：可由负责人在“设置”中添加。</translation>
    </message>
    <message>
        <location filename="../../desktop/idle_lock.py" line="1"/>
        <source>PIN or passphrase</source>
        <translation>PIN 码或密码</translation>
    </message>
    <message>
        <location filename="../../desktop/idle_lock.py" line="1"/>
        <source>Choose who you are and type your PIN (the store&apos;s passphrase for a profile without a PIN).</source>
        <translation>请选择您的用户并输入 PIN 码（未设 PIN 码的用户请输入数据密码）。</translation>
    </message>
    <message>
        <location filename="../../desktop/idle_lock.py" line="1"/>
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <source>FieldInspect is locked</source>
        <translation>督查通已锁定</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Quit FieldInspect</source>
        <translation>退出督查通</translation>
    </message>
    <message>
        <source>Type the PIN of %1 to go on.</source>
        <translation>请输入 %1 的 PIN 以继续。</translation>
    </message>
    <message>
        <source>Type the store&apos;s passphrase to go on (%1 has no PIN).</source>
        <translation>请输入本数据库的密码以继续（%1 未设置 PIN）。</translation>
    </message>
    <message numerus="yes">
        <source>The window locked after %n min without use. Everything typed is kept.</source>
        <translation>
            <numerusform>窗口闲置 %n 分钟后已自动锁定，已输入的内容都会保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>YourNameDialog</name>
    <message>
        <location filename="../../desktop/startup.py" line="1"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="1"/>
        <source>Your name is shown on everything you enter or change on this computer. Your profile: %1.</source>
        <translation>您在本机录入或修改的每一项都会记上您的姓名。您的身份：%1。</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/startup.py" line="1"/>
        <source>Type your name.</source>
        <translation>请输入您的姓名。</translation>
    </message>
</context>
<context>
    <name>PhotoViewDialog</name>
    <message>
        <location filename="../../desktop/widgets/photo_view.py" line="1"/>
        <source>This file cannot be shown as an image.</source>
        <translation>此文件无法作为图片显示。</translation>
    </message>
</context>
<context>
    <name>AboutBox</name>
    <message>
        <location filename="../../desktop/about.py" line="1"/>
        <source>F1  this window</source>
        <translation>F1  打开本窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="1"/>
        <source>Ctrl+Shift+E  close a batch / finish the second keying</source>
        <translation>Ctrl+Shift+E  结束本批录入 / 完成复录</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="1"/>
        <source>Ctrl+S  save the open record</source>
        <translation>Ctrl+S  保存正在编辑的记录</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="1"/>
        <source>Ctrl+F  go to the page&apos;s search box</source>
        <translation>Ctrl+F  转到本页的搜索框</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="1"/>
        <source>Ctrl+N  new record on the page shown</source>
        <translation>Ctrl+N  在当前页面新建记录</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="1"/>
        <source>Keys:</source>
        <translation>快捷键：</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="1"/>
        <source>FieldInspect (督查通), version %1</source>
        <translation>督查通（FieldInspect），版本 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="1"/>
        <source>About FieldInspect</source>
        <translation>关于督查通</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="1"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>RepresentativesChecklist</name>
    <message>
        <location filename="../../desktop/widgets/reps_checklist.py" line="1"/>
        <source>All teams</source>
        <translation>全部督查组</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/reps_checklist.py" line="1"/>
        <source>Type part of a name</source>
        <translation>输入姓名中的字</translation>
    </message>
</context>
<context>
    <name>OfficeSettingsPanel</name>
    <message>
        <location filename="../../desktop/pages/office_settings.py" line="1"/>
        <source>Office settings</source>
        <translation>办公设置</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/office_settings.py" line="1"/>
        <source>Edit office settings…</source>
        <translation>修改办公设置…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/office_settings.py" line="1"/>
        <source>HQ sets these; this device reads them.</source>
        <translation>以上设置由总部设定，本设备只读。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/office_settings.py" line="1"/>
        <source>Issuing office (full name)</source>
        <translation>发文机关全称</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/office_settings.py" line="1"/>
        <source>Hotline</source>
        <translation>举报电话</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/office_settings.py" line="1"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/office_settings.py" line="1"/>
        <source>Number prefix: criticism notice</source>
        <translation>文号前缀：批评通报</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/office_settings.py" line="1"/>
        <source>Number prefix: assignment notice</source>
        <translation>文号前缀：交办通知</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/office_settings.py" line="1"/>
        <source>Number prefix: reminder notice</source>
        <translation>文号前缀：催办通知</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/office_settings.py" line="1"/>
        <source>Number prefix: visit-round report</source>
        <translation>文号前缀：明察暗访情况通报</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/office_settings.py" line="1"/>
        <source>Number prefix: exposure notice</source>
        <translation>文号前缀：曝光通报</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/office_settings.py" line="1"/>
        <source>Default deadline (days)</source>
        <translation>默认整改期限（天）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/office_settings.py" line="1"/>
        <source>Due soon within (days)</source>
        <translation>临期提醒（天内到期）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/office_settings.py" line="1"/>
        <source>Overdue problems for accountability</source>
        <translation>问责线索：逾期问题数</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/office_settings.py" line="1"/>
        <source>Number prefix: work report</source>
        <translation>文号前缀：工作情况汇报</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/office_settings.py" line="1"/>
        <source>Signer (work report)</source>
        <translation>签发人（工作情况汇报）</translation>
    </message>
</context>
<context>
    <name>ExtensionDialog</name>
    <message>
        <location filename="../../desktop/pages/liaison_dialogs.py" line="1"/>
        <source>Request an extension</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison_dialogs.py" line="1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison_dialogs.py" line="1"/>
        <source>Why the work cannot be finished by the current deadline</source>
        <translation>不能在现有期限内完成整改的原因</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison_dialogs.py" line="1"/>
        <source>Current deadline</source>
        <translation>现整改期限</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison_dialogs.py" line="1"/>
        <source>New deadline</source>
        <translation>申请延至</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison_dialogs.py" line="1"/>
        <source>Reason</source>
        <translation>延期理由</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../desktop/pages/liaison_dialogs.py" line="1"/>
        <source>Report on the rectification</source>
        <translation>报送整改情况</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison_dialogs.py" line="1"/>
        <source>The measures taken</source>
        <translation>已采取的整改措施</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison_dialogs.py" line="1"/>
        <source>What is still to do, if anything</source>
        <translation>尚未完成的事项（如有）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison_dialogs.py" line="1"/>
        <source>The rectification is completed</source>
        <translation>整改已完成</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison_dialogs.py" line="1"/>
        <source>Location and camera data are removed from the photos before they are kept.</source>
        <translation>照片保存前会去除其中的位置和相机信息。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison_dialogs.py" line="1"/>
        <source>What was done</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison_dialogs.py" line="1"/>
        <source>Progress</source>
        <translation>整改进展</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison_dialogs.py" line="1"/>
        <source>Date completed</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison_dialogs.py" line="1"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>OurProblemsPage</name>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Sign for it</source>
        <translation>签收</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Request an extension…</source>
        <translation>申请延期…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Report…</source>
        <translation>报送整改情况…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Details and HQ&apos;s answers</source>
        <translation>详情及总部答复</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Days overdue</source>
        <translation>超期天数</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Signed for</source>
        <translation>签收</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Latest report</source>
        <translation>最近报告</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>HQ&apos;s answer</source>
        <translation>总部答复</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Problems: %1. Overdue: %2. Due within %4 days: %3. Overdue ones come first.</source>
        <translation>问题 %1 个：已超期 %2 个，%4 天内到期 %3 个。超期问题排在最前。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Not yet</source>
        <translation>未签收</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>None yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Progress, %1</source>
        <translation>进展报告（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Returned: %1</source>
        <translation>已退回：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Accepted</source>
        <translation>验收通过</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Extension approved to %1</source>
        <translation>已批准延期至 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Extension refused: %1</source>
        <translation>延期不予批准：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Extension requested, awaiting decision</source>
        <translation>已申请延期，待审批</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Select a problem to see its details and what HQ answered.</source>
        <translation>选择一个问题，查看详情和总部的答复。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Unit: %1</source>
        <translation>单位：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Assignment notice: %1</source>
        <translation>交办通知：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Deadline: %1</source>
        <translation>整改期限：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Extension requested on %1 to %2: %3</source>
        <translation>%1 申请延期至 %2：%3</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>HQ&apos;s decision: %1</source>
        <translation>总部审批：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>HQ&apos;s reason: %1</source>
        <translation>总部说明：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Report of %1: %2</source>
        <translation>%1 报告：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Progress: %1</source>
        <translation>进展：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Completed on %1</source>
        <translation>完成日期：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>HQ&apos;s review: %1</source>
        <translation>总部验收：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/liaison.py" line="1"/>
        <source>Photos: %1</source>
        <translation>照片：%1 张</translation>
    </message>
</context>
<context>
    <name>AcceptancePage</name>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>What was done</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>Completed</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>Reported by</source>
        <translation>报告人</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>Accept…</source>
        <translation>验收…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>The problem becomes verified, rectified on the day the unit completed it.</source>
        <translation>验收后问题办结，整改日期为单位完成整改之日。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>The problem goes back to rectifying; the unit reads your reason.</source>
        <translation>问题退回整改中，单位可看到退回理由。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>New deadline</source>
        <translation>申请延至</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>Requested on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>The problem&apos;s deadline becomes the one requested.</source>
        <translation>问题的整改期限改为申请的日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>Refuse…</source>
        <translation>不予批准…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>Awaiting acceptance (%1)</source>
        <translation>待验收（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>Extension requests (%1)</source>
        <translation>延期申请（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>Reports in which a unit says a problem is rectified. Accept one to verify the problem; return it with a reason to send the problem back to rectifying.</source>
        <translation>以下是单位报告已完成整改的问题。验收后问题办结；退回须说明理由，问题回到整改中。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>No report awaits acceptance.</source>
        <translation>暂无待验收的整改报告。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>Units asking for a later deadline. An approved request moves the problem&apos;s deadline and keeps the problem off the accountability list.</source>
        <translation>以下是单位的延期申请。批准后问题的整改期限随之调整，该问题不再计入拟问责名单。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>No request for a later deadline awaits a decision.</source>
        <translation>暂无待审批的延期申请。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>Accept report</source>
        <translation>验收整改报告</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>The problem becomes %1. HQ&apos;s note on the check (optional):</source>
        <translation>问题将标为“%1”。验收意见（可不填）：</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>Return report</source>
        <translation>退回整改报告</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>Why is the report returned? The unit reads this.</source>
        <translation>退回理由（单位可见）：</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>Refuse request</source>
        <translation>不予批准延期</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/acceptance.py" line="1"/>
        <source>Why is the later deadline refused? The unit reads this.</source>
        <translation>不予批准的理由（单位可见）：</translation>
    </message>
</context>
<context>
    <name>ReportPhotos</name>
    <message>
        <location filename="../../desktop/pages/report_photos.py" line="1"/>
        <source>View photo</source>
        <translation>查看照片</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/report_photos.py" line="1"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/report_photos.py" line="1"/>
        <source>Select a report to see its photos.</source>
        <translation>选择一份报告以查看其照片。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/report_photos.py" line="1"/>
        <source>The unit sent no photo with this report.</source>
        <translation>单位未随报告提交照片。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/report_photos.py" line="1"/>
        <source>%1 (not downloaded)</source>
        <translation>%1（未下载）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/report_photos.py" line="1"/>
        <source>This photo could not be downloaded. Try again when headquarters can be reached.</source>
        <translation>无法下载此照片。请在能连接总部时重试。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/pages/report_photos.py" line="1"/>
        <source>%n photo(s).</source>
        <translation>
            <numerusform>%n 张照片。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MakeProblemDialog</name>
    <message>
        <location filename="../../desktop/pages/make_problem.py" line="1"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/make_problem.py" line="1"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/make_problem.py" line="1"/>
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/make_problem.py" line="1"/>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/make_problem.py" line="1"/>
        <source>What the unit reads</source>
        <translation>交办内容（单位所见）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/make_problem.py" line="1"/>
        <source>Make a problem from findings</source>
        <translation>将督查发现转为问题</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/make_problem.py" line="1"/>
        <source>From %1.</source>
        <translation>来源：%1。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/make_problem.py" line="1"/>
        <source>due %1</source>
        <translation>时限 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/make_problem.py" line="1"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/make_problem.py" line="1"/>
        <source>Sources</source>
        <translation>问题来源</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/make_problem.py" line="1"/>
        <source>Not recorded.</source>
        <translation>未记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/make_problem.py" line="1"/>
        <source>Problems made from it</source>
        <translation>由此形成的问题</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/make_problem.py" line="1"/>
        <source>None yet.</source>
        <translation>尚无。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/make_problem.py" line="1"/>
        <source>A secret visit&apos;s finding: the unit reads the text below, never the description, and nothing of the visit&apos;s date, time, place or team.</source>
        <translation>此为暗访发现：责任单位只看到下方的交办内容，看不到问题描述，也看不到暗访的日期、时间、地点和人员。</translation>
    </message>
</context>
<context>
    <name>CriteriaPanel</name>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>The five criteria (county)</source>
        <translation>五项分项测评（全县）</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Criterion</source>
        <translation>分项</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Satisfaction rate</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Forms</source>
        <translation>评价票数</translation>
    </message>
</context>
<context>
    <name>ClerkFiguresPanel</name>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Clerk</source>
        <translation>录入员</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Keying</source>
        <translation>录入类型</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Forms keyed</source>
        <translation>录入表数</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Keying time (min)</source>
        <translation>录入时长（分钟）</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Forms per hour</source>
        <translation>每小时表数</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Fields compared</source>
        <translation>比对字段数</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Errors</source>
        <translation>差错数</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Error rate</source>
        <translation>差错率</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Pending fields</source>
        <translation>待裁定字段</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>All batches</source>
        <translation>全部批次</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Entry</source>
        <translation>录入</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Second keying</source>
        <translation>复核录入</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Export the clerks&apos; figures</source>
        <translation>导出录入员统计</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Every clerk&apos;s keying: totals first, then each batch. Pauses over 5 minutes are not keying time; errors count against the supervisor&apos;s settlement of the double entry.</source>
        <translation>全体录入员的录入情况：先列合计，再按批次列出。超过 5 分钟的停顿不计入录入时长；差错以负责人对双录入差异的裁定为准。</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Your own keying: totals first, then each batch. Pauses over 5 minutes are not keying time; errors count against the supervisor&apos;s settlement of the double entry.</source>
        <translation>本人的录入情况：先列合计，再按批次列出。超过 5 分钟的停顿不计入录入时长；差错以负责人对双录入差异的裁定为准。</translation>
    </message>
</context>
<context>
    <name>TrendsPage</name>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>All campaigns</source>
        <translation>全部活动</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Forms</source>
        <translation>评议表</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Satisfaction rate</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Weighted score</source>
        <translation>加权得分</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>By township</source>
        <translation>按乡镇</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>By finding category</source>
        <translation>按问题类别</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Findings</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>By opinion category</source>
        <translation>按意见类别</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Opinions</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>By source</source>
        <translation>按来源</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Source of forms</source>
        <translation>评议表来源</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Source of opinions</source>
        <translation>意见来源</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Previous rank</source>
        <translation>上届名次</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Possible repeat: to confirm</source>
        <translation>可能重复：待核实</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>In the last band of its category two campaigns running (each campaign&apos;s band settings)</source>
        <translation>连续两届处于所在考评类别末位（按各届评议活动的等次设置）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Criticised in more than one campaign (matched by name and unit; HQ only, never sent to a unit or published)</source>
        <translation>在多届活动中受到批评（按姓名和单位匹配；仅限总部查看，不发给单位、不公开）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Previous campaign</source>
        <translation>与上届比较</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Rank change</source>
        <translation>名次变化</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Rate change</source>
        <translation>满意率变化</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Score change</source>
        <translation>得分变化</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>County level</source>
        <translation>县级</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Not sorted yet</source>
        <translation>尚未分类</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Weighted score by month</source>
        <translation>各月加权得分</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Weighted score by township</source>
        <translation>各乡镇加权得分</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Findings by category</source>
        <translation>各类别发现问题数</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Opinions by category</source>
        <translation>各类别意见数</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Forms by source</source>
        <translation>各来源评议表数</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>%1: no earlier campaign to compare with.</source>
        <translation>%1：没有可比较的上一届活动。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>%1 compared with %2 (units merged or renamed at HQ counted under their successor).</source>
        <translation>%1 与 %2 比较（总部登记合并或更名的单位计入其承继单位）。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Appraisal category</source>
        <translation>考评类别</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/trends.py" line="1"/>
        <source>Rank in category</source>
        <translation>类别内名次</translation>
    </message>
</context>
<context>
    <name>UnitSuccessionDialog</name>
    <message>
        <location filename="../../desktop/pages/unit_succession.py" line="1"/>
        <source>Unit merged or renamed</source>
        <translation>已合并或更名的单位</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/unit_succession.py" line="1"/>
        <source>Lives on as</source>
        <translation>承继单位</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/unit_succession.py" line="1"/>
        <source>Record a unit&apos;s successor</source>
        <translation>登记单位承继关系</translation>
    </message>
</context>
<context>
    <name>UnitFiguresDialog</name>
    <message>
        <location filename="../../desktop/widgets/unit_figures.py" line="1"/>
        <source>Figures of %1</source>
        <translation>%1的测评数据</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/unit_figures.py" line="1"/>
        <source>Appraisal category</source>
        <translation>考评类别</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/unit_figures.py" line="1"/>
        <source>Rank in category</source>
        <translation>类别内名次</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/unit_figures.py" line="1"/>
        <source>unranked</source>
        <translation>不参与排名</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/unit_figures.py" line="1"/>
        <source>Band</source>
        <translation>等次</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/unit_figures.py" line="1"/>
        <source>Forms</source>
        <translation>有效票数</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/unit_figures.py" line="1"/>
        <source>Satisfaction rate</source>
        <translation>综合满意率</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/unit_figures.py" line="1"/>
        <source>Weighted score</source>
        <translation>测评得分</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/unit_figures.py" line="1"/>
        <source>Appraisal points</source>
        <translation>考核得分</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/unit_figures.py" line="1"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/unit_figures.py" line="1"/>
        <source>%1, %2 rectified, %3 overdue</source>
        <translation>共%1个，已整改%2个，逾期%3个</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/unit_figures.py" line="1"/>
        <source>Respondent group</source>
        <translation>评议群体</translation>
    </message>
</context>
<context>
    <name>AddSourceDialog</name>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Add a source…</source>
        <translation>添加来源…</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Add a source</source>
        <translation>添加问题来源</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>Kind of source</source>
        <translation>来源类别</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="1"/>
        <source>No record of this kind to add.</source>
        <translation>没有可添加的此类记录。</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <location filename="../../desktop/pages/visit_checklist.py" line="1"/>
        <source>Checklist: %1 (version %2)</source>
        <translation>检查清单：%1（第%2版）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/visit_checklist.py" line="1"/>
        <source>Keys: 1 or P pass, 2 or F fail, 3 or N not applicable (then the next item); Enter writes a note; Ctrl+S saves. Each failed item becomes a finding of this visit.</source>
        <translation>按键：1 或 P 合格，2 或 F 不合格，3 或 N 不适用（随后转到下一项）；回车填写备注；Ctrl+S 保存。每个不合格项都会成为本次走访发现的问题。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/visit_checklist.py" line="1"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/visit_checklist.py" line="1"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/visit_checklist.py" line="1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/visit_checklist.py" line="1"/>
        <source>Note on the current item (Enter to keep it)</source>
        <translation>当前检查项的备注（回车确认）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/visit_checklist.py" line="1"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/visit_checklist.py" line="1"/>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/visit_checklist.py" line="1"/>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/visit_checklist.py" line="1"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/visit_checklist.py" line="1"/>
        <source>Photo…</source>
        <translation>照片…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/visit_checklist.py" line="1"/>
        <source>%1 to attach</source>
        <translation>待附加%1张</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/visit_checklist.py" line="1"/>
        <source>Photos of this item</source>
        <translation>此检查项的照片</translation>
    </message>
</context>
<context>
    <name>ChecklistsPanel</name>
    <message>
        <location filename="../../desktop/pages/checklist_templates.py" line="1"/>
        <source>Checklists</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist_templates.py" line="1"/>
        <source>Item (Chinese)</source>
        <translation>检查项（中文）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist_templates.py" line="1"/>
        <source>Item (English)</source>
        <translation>检查项（英文）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist_templates.py" line="1"/>
        <source>Finding category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist_templates.py" line="1"/>
        <source>Add item</source>
        <translation>添加检查项</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist_templates.py" line="1"/>
        <source>Remove item</source>
        <translation>删除检查项</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist_templates.py" line="1"/>
        <source>Save as new version</source>
        <translation>另存为新版本</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist_templates.py" line="1"/>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist_templates.py" line="1"/>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist_templates.py" line="1"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist_templates.py" line="1"/>
        <source>Saving makes a new version: visits already worked through keep theirs, and representatives receive the new one at their next sync. Each failed item becomes a finding of its category.</source>
        <translation>保存即生成新版本：已填写的走访保留原版本，评议代表下次同步时收到新版本。每个不合格项都会成为相应类别的问题。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/checklist_templates.py" line="1"/>
        <source>Saved as a new version.</source>
        <translation>已另存为新版本。</translation>
    </message>
</context>
<context>
    <name>RoundsPage</name>
    <message>
        <location filename="../../x" line="1"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Any township</source>
        <translation>任意乡镇</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Appraisal category</source>
        <translation>考评类别</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Attempts</source>
        <translation>抽取次数</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Campaign</source>
        <translation>评议活动</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Commit (fix pools and secret)</source>
        <translation>承诺（固定单位池、代表池和秘密值）</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Commitment (SHA-256 of the secret): %1</source>
        <translation>承诺值（秘密值的 SHA-256）：%1</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Committed, waiting for the public value</source>
        <translation>已承诺，等待公开值</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Dates</source>
        <translation>日期范围</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Discarded (a newer commitment)</source>
        <translation>已作废（有更新的承诺）</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Draw</source>
        <translation>抽取</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Drawn</source>
        <translation>已抽取</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Drawn: %1 visits.</source>
        <translation>已抽取：%1 次检查。</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Export full file…</source>
        <translation>导出完整文件…</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Export the full round file</source>
        <translation>导出完整轮次文件</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Inputs&apos; hash: %1</source>
        <translation>输入哈希：%1</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>New round</source>
        <translation>新建抽查轮次</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Not visited in the last (days)</source>
        <translation>最近未检查天数</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Public value: %1</source>
        <translation>公开值：%1</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Publish the round</source>
        <translation>公开本轮</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Published</source>
        <translation>已公开</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Publish…</source>
        <translation>公开…</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Representatives</source>
        <translation>评议代表</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Round files (*.json)</source>
        <translation>轮次文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Seed: %1</source>
        <translation>种子：%1</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Team size</source>
        <translation>小组人数</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Units to draw</source>
        <translation>抽取单位数</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Visits per representative at most</source>
        <translation>每名代表最多检查次数</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Weight of last band units</source>
        <translation>末位单位权重</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>none: seed given, not verifiable</source>
        <translation>无：种子直接给定，不可验证</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Public value fixed after the commitment, e.g. a named lottery draw</source>
        <translation>承诺之后确定的公开值，例如指明期号的彩票开奖结果</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Step aside…</source>
        <translation>回避…</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Step aside</source>
        <translation>回避</translation>
    </message>
    <message>
        <location filename="../../x" line="1"/>
        <source>Who steps aside from the visit to %1? The round's reserve gives the stand-in.</source>
        <translation>谁回避对 %1 的访查？由本轮备选名单中的代表替换。</translation>
    </message>
</context>
</TS>
