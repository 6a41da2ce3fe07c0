<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../vendor_desktop/ui/core/about_dialog.py" line="69"/>
        <source>About Vendor Center</source>
        <translation>关于服务商管理后台</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/core/about_dialog.py" line="70"/>
        <source>Vendor Center</source>
        <translation>服务商管理后台</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/core/about_dialog.py" line="72"/>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/core/about_dialog.py" line="73"/>
        <source>Data folder:</source>
        <translation>数据目录：</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/core/about_dialog.py" line="74"/>
        <source>Marketplace:</source>
        <translation>云市场：</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/core/about_dialog.py" line="75"/>
        <source>Log file:</source>
        <translation>日志文件：</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/core/about_dialog.py" line="76"/>
        <source>Licence:</source>
        <translation>许可证：</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/core/about_dialog.py" line="80"/>
        <source>not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/core/about_dialog.py" line="81"/>
        <source>MIT License — free to use, change and share.</source>
        <translation>MIT 许可证——可自由使用、修改和分发。</translation>
    </message>
</context>
<context>
    <name>AccountEdit</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/edit.py" line="60"/>
        <source>Only the main account can change the account information.</source>
        <translation>只有主账号可以修改账户信息。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/edit.py" line="61"/>
        <source>Only the main account can change the bank account.</source>
        <translation>只有主账号可以修改银行账户。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/edit.py" line="66"/>
        <source>The revenue supplementary agreement is signed: the bank account can be changed only through a ticket.</source>
        <translation>已签署收益补充协议，银行账户只能通过工单修改。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/edit.py" line="119"/>
        <source>Not synced yet: sync, then try again.</source>
        <translation>尚未同步：同步后再试。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/edit.py" line="136"/>
        <source>Nothing has changed.</source>
        <translation>没有修改任何内容。</translation>
    </message>
</context>
<context>
    <name>AccountEditDialog</name>
    <message>
        <location filename="../../vendor_desktop/ui/account/edit_dialog.py" line="69"/>
        <source>Edit account information</source>
        <translation>修改账户信息</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/edit_dialog.py" line="69"/>
        <source>Edit bank account</source>
        <translation>修改银行账户</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/edit_dialog.py" line="71"/>
        <source>Company, contact and customer-service details</source>
        <translation>公司、联系人和客服信息</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/edit_dialog.py" line="71"/>
        <source>Where withdrawals go</source>
        <translation>提现转入的银行账户</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/edit_dialog.py" line="78"/>
        <source>Buyers see the customer-service phone, e-mail and QQ. The change is saved on this computer and sent to the marketplace as soon as it can be reached.</source>
        <translation>买家可以看到客服电话、邮箱和 QQ。修改先保存在本机，能连上云市场时立即发送。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/edit_dialog.py" line="82"/>
        <source>Withdrawals go to this account. Once the revenue supplementary agreement is signed, it can be changed only through a ticket. The change is saved on this computer and sent to the marketplace as soon as it can be reached.</source>
        <translation>提现转入这个账户。签署收益补充协议后，只能通过工单修改。修改先保存在本机，能连上云市场时立即发送。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/edit_dialog.py" line="85"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/edit_dialog.py" line="86"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>AccountFields</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="24"/>
        <source>Company name</source>
        <extracomment>R-ACC-1, in the order the page and the dialog show them. R-ACC-2 / R-WDR-4.</extracomment>
        <translation>公司名称</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="25"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="26"/>
        <source>Contact phone</source>
        <translation>联系人电话</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="27"/>
        <source>Customer-service phone</source>
        <translation>客服电话</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="28"/>
        <source>Customer-service e-mail</source>
        <translation>客服邮箱</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="29"/>
        <source>Customer-service QQ</source>
        <translation>客服 QQ</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="30"/>
        <source>Account holder</source>
        <translation>开户名</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="31"/>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="32"/>
        <source>Branch</source>
        <translation>开户支行</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="33"/>
        <source>Account number</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="41"/>
        <source>e.g. 138 0013 8000 or 010-8888 6666</source>
        <translation>如 138 0013 8000 或 010-8888 6666</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="42"/>
        <source>e.g. 400-820-8820</source>
        <translation>如 400-820-8820</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="43"/>
        <source>e.g. service@example.com</source>
        <translation>买家联系客服用的邮箱</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="44"/>
        <source>5 to 12 digits</source>
        <translation>5–12 位数字</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="45"/>
        <source>Digits only; spaces are fine</source>
        <translation>只填数字，可以带空格</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="55"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="56"/>
        <source>At least %1 characters.</source>
        <translation>至少 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="59"/>
        <source>At most %1 characters.</source>
        <translation>最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="62"/>
        <source>Enter a mobile number (138 0013 8000), a landline with its area code (010-8888 6666) or a 400/800 number.</source>
        <translation>应为手机号（138 0013 8000）、带区号的座机（010-8888 6666）或 400/800 号码。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="66"/>
        <source>A customer-service QQ number has 5–12 digits and does not start with 0.</source>
        <translation>客服 QQ 应为 5–12 位数字，且不以 0 开头。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="69"/>
        <source>Not an e-mail address, e.g. service@example.com.</source>
        <translation>邮箱格式不对，应形如 名称@域名。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="72"/>
        <source>A bank account number has 8–30 digits.</source>
        <translation>银行账号应为 8–30 位数字。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="76"/>
        <source>Contains characters that cannot be used here (such as control characters).</source>
        <translation>含有不能使用的字符（如控制字符）。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="80"/>
        <source>Not accepted.</source>
        <translation>云市场不接受此内容。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="85"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/fields.py" line="90"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>AccountView</name>
    <message>
        <location filename="../../vendor_desktop/ui/account/view.py" line="182"/>
        <source>Account ID</source>
        <translation>账号 ID</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/view.py" line="185"/>
        <source>Change the company, contact and customer-service details.</source>
        <translation>修改公司、联系人和客服信息。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/view.py" line="217"/>
        <source>signed %1</source>
        <translation>%1 签署</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/view.py" line="234"/>
        <source>Account ID copied.</source>
        <translation>已复制账号 ID。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/view.py" line="244"/>
        <source>Draft kept on this computer.</source>
        <translation>草稿已保存在本机。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/view.py" line="254"/>
        <source>Account</source>
        <translation>账户信息</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/view.py" line="255"/>
        <source>Account information</source>
        <translation>账户信息</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/view.py" line="256"/>
        <source>Bank account</source>
        <translation>银行账户</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/view.py" line="257"/>
        <source>Agreements</source>
        <translation>协议</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/view.py" line="258"/>
        <source>Onboarding</source>
        <translation>入驻进度</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/view.py" line="259"/>
        <location filename="../../vendor_desktop/ui/account/view.py" line="260"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/view.py" line="261"/>
        <source>Request a change…</source>
        <translation>申请修改…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/view.py" line="262"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/view.py" line="263"/>
        <source>Copy the account ID, e.g. for a ticket or a call to the marketplace.</source>
        <translation>复制账号 ID，用于工单或联系云市场。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/view.py" line="265"/>
        <source>Prepare the ticket that asks the marketplace to change the bank account.</source>
        <translation>准备请云市场修改银行账户的工单。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/view.py" line="268"/>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/view.py" line="269"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
</context>
<context>
    <name>AccountViewModel</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/account.py" line="65"/>
        <source>Account ID %1</source>
        <translation>账号 ID %1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/viewmodel.py" line="153"/>
        <source>Not synced yet: sync, then try again.</source>
        <translation>尚未同步：同步后再试。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/viewmodel.py" line="173"/>
        <source>Only the main account and finance see the bank account.</source>
        <translation>只有主账号和财务可以查看银行账户。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/viewmodel.py" line="177"/>
        <source>Not synced yet.</source>
        <translation>尚未同步。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/viewmodel.py" line="178"/>
        <source>No bank account on file yet.</source>
        <translation>还没有登记银行账户。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/viewmodel.py" line="199"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/viewmodel.py" line="200"/>
        <source>Editable</source>
        <translation>可修改</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/viewmodel.py" line="251"/>
        <source>The marketplace did not accept this change: %1</source>
        <translation>云市场未接受此修改：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/viewmodel.py" line="258"/>
        <source>Not accepted</source>
        <translation>云市场未接受</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/viewmodel.py" line="262"/>
        <source>Your change is saved on this computer and shows here once the marketplace has applied it.</source>
        <translation>修改已保存在本机，云市场生效后显示在这里。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/viewmodel.py" line="267"/>
        <source>Waiting to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/viewmodel.py" line="269"/>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/viewmodel.py" line="293"/>
        <source>Signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/viewmodel.py" line="295"/>
        <source>Not signed</source>
        <translation>未签署</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/viewmodel.py" line="311"/>
        <source>%1 of %2 steps done</source>
        <translation>已完成 %1/%2 步</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/viewmodel.py" line="318"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/viewmodel.py" line="320"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <location filename="../../vendor_desktop/ui/shell/areas.py" line="224"/>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/areas.py" line="227"/>
        <source>Orders</source>
        <translation>订单管理</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/areas.py" line="230"/>
        <source>Listings</source>
        <translation>商品管理</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/areas.py" line="232"/>
        <source>Buyer discounts</source>
        <translation>指定商品折扣</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/areas.py" line="234"/>
        <source>Invoices</source>
        <translation>发票管理</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/areas.py" line="238"/>
        <source>Money</source>
        <translation>资金管理</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/areas.py" line="242"/>
        <source>Messages</source>
        <translation>站内信</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/areas.py" line="245"/>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/areas.py" line="247"/>
        <source>Pending changes</source>
        <translation>待发送的修改</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/areas.py" line="251"/>
        <source>Account</source>
        <translation>账户信息</translation>
    </message>
</context>
<context>
    <name>ChangesView</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/changes/view.py" line="112"/>
        <source>%n changes</source>
        <translation>
            <numerusform>共 %n 项修改</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/changes/view.py" line="122"/>
        <source>Pending changes</source>
        <translation>待发送的修改</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/changes/view.py" line="125"/>
        <source>Changes are kept on this computer until the marketplace accepts them. A change the marketplace did not accept stays here with its reason until you send it again or discard it.</source>
        <translation>修改会保存在本机，直到云市场接受。云市场未接受的修改会连同原因留在这里，直到您重新发送或放弃。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/changes/view.py" line="128"/>
        <source>All changes</source>
        <translation>全部修改</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/changes/view.py" line="129"/>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/changes/view.py" line="130"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
</context>
<context>
    <name>ChangesViewModel</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="59"/>
        <source>Change the price of order %1 from %2 to %3</source>
        <translation>订单 %1 改价：%2 → %3</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="67"/>
        <source>Give buyer %1 %2 on %3</source>
        <translation>为买家 %1 设置「%3」%2</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="74"/>
        <source>Revoke the discount of buyer %1 on %2</source>
        <translation>撤销买家 %1 在「%2」上的折扣</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="81"/>
        <source>Create the draft listing %1</source>
        <translation>创建商品草稿「%1」</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="82"/>
        <source>Save changes to the listing %1</source>
        <translation>保存商品「%1」的修改</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="83"/>
        <source>Submit the listing %1 for review</source>
        <translation>提交商品「%1」审核</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="84"/>
        <source>Delist the listing %1</source>
        <translation>下架商品「%1」</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="94"/>
        <source>Mark a message as read</source>
        <translation>将消息标为已读</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="115"/>
        <source>Waiting to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="107"/>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="117"/>
        <source>Not accepted</source>
        <translation>云市场未接受</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="118"/>
        <source>Waiting for an earlier change</source>
        <translation>等待前一项</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="119"/>
        <source>Applied</source>
        <translation>已生效</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="116"/>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="97"/>
        <source>Mark all “%1” messages as read</source>
        <translation>将全部“%1”站内信标为已读</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="100"/>
        <source>Mark all messages as read</source>
        <translation>将全部站内信标为已读</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="108"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="132"/>
        <source>The marketplace did not accept this change: %1</source>
        <translation>云市场未接受此修改：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="136"/>
        <source>Waits until the earlier change of the same item is settled.</source>
        <translation>等同一对象的前一项修改处理完后再发送。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="142"/>
        <source>Could not be sent yet. Will try again at %1.</source>
        <translation>暂未发出，将于 %1 重试。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="145"/>
        <source>Could not be sent yet. Will try again at the next sync.</source>
        <translation>暂未发出，下次同步时重试。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="153"/>
        <source>Send it again to apply it to the latest version, or discard it.</source>
        <translation>可重新发送，在最新版本上生效；也可放弃。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="158"/>
        <source>Sending it again would not be accepted either. Discard it.</source>
        <translation>重新发送也不会被接受，请放弃此修改。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="163"/>
        <source>Waits for an earlier change of the same item that the marketplace did not accept. Send that one again or discard it first.</source>
        <translation>同一对象的前一项修改未被云市场接受，此修改在等待。请先重新发送或放弃前一项。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="170"/>
        <source>Goes to the marketplace at the next sync.</source>
        <translation>下次同步时发送到云市场。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="172"/>
        <source>On its way to the marketplace.</source>
        <translation>正在发送到云市场。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="184"/>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="207"/>
        <source>Select a change first.</source>
        <translation>请先选择一项修改。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="188"/>
        <source>The marketplace would not accept it again for the same reason. Discard it.</source>
        <translation>原因仍然存在，重新发送也不会被接受。请放弃此修改。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="192"/>
        <source>It waits for an earlier change. Send that one again or discard it first.</source>
        <translation>它在等待前一项修改。请先重新发送或放弃前一项。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="196"/>
        <source>It is being sent now.</source>
        <translation>正在发送。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="198"/>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="214"/>
        <source>The marketplace has already applied it.</source>
        <translation>云市场已使此修改生效。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="199"/>
        <source>It goes to the marketplace at the next sync: nothing to send again.</source>
        <translation>下次同步时会自动发送，无需重新发送。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="211"/>
        <source>It is being sent now and may already be applied: wait for the marketplace&apos;s answer.</source>
        <translation>正在发送，可能已经生效。请等待云市场的结果。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="251"/>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="252"/>
        <source>Queued</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="253"/>
        <source>By</source>
        <translation>提交人</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="254"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="255"/>
        <source>Marketplace&apos;s answer</source>
        <translation>云市场答复</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="392"/>
        <source>The marketplace accepted every change sent so far.</source>
        <translation>已发送的修改云市场都已接受。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="394"/>
        <source>Nothing is waiting to be sent.</source>
        <translation>没有等待发送的修改。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/viewmodel.py" line="395"/>
        <source>Nothing waiting: every change has reached the marketplace.</source>
        <translation>没有待发送的修改：所有修改都已送达云市场。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/invoice_changes.py" line="16"/>
        <source>Issue the invoice for order %1 (invoice number %2)</source>
        <translation>订单 %1 开票（发票号码 %2）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/invoice_changes.py" line="19"/>
        <source>Record the shipment of the invoice for order %1: %2, %3</source>
        <translation>登记订单 %1 的发票邮寄：%2，%3</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/invoice_changes.py" line="22"/>
        <source>Correct the shipment of the invoice for order %1 to %2</source>
        <translation>订单 %1 的发票快递单号更正为 %2</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/money_changes.py" line="29"/>
        <source>Pay %1 of deposit (up to tier %2)</source>
        <translation>缴纳保证金 %1（至第 %2 档）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/money_changes.py" line="33"/>
        <source>Pay %1 of deposit</source>
        <translation>缴纳保证金 %1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/money_changes.py" line="38"/>
        <source>Withdraw %1 to %2</source>
        <translation>提现 %1 至 %2</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/money_changes.py" line="42"/>
        <source>Withdraw %1</source>
        <translation>提现 %1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/money_changes.py" line="44"/>
        <source>Save changes to the account information</source>
        <translation>保存账户信息的修改</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/money_changes.py" line="46"/>
        <source>Change the bank account</source>
        <translation>修改银行账户</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/ticket_changes.py" line="22"/>
        <source>Attach %1 (%2) to the ticket: %3</source>
        <translation>上传附件 %1（%2）：%3</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/ticket_changes.py" line="28"/>
        <source>Open a ticket: %1</source>
        <translation>提交工单：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/ticket_changes.py" line="29"/>
        <source>Reply to the ticket: %1</source>
        <translation>回复工单：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/ticket_changes.py" line="30"/>
        <source>Urge the ticket: %1</source>
        <translation>催单：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/changes/ticket_changes.py" line="31"/>
        <source>Cancel the ticket: %1</source>
        <translation>撤销工单：%1</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../vendor_desktop/ui/core/crash_dialog.py" line="51"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/core/crash_dialog.py" line="54"/>
        <source>Vendor Center — unexpected error</source>
        <translation>服务商管理后台——意外错误</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/core/crash_dialog.py" line="55"/>
        <source>Vendor Center ran into an unexpected error.</source>
        <translation>服务商管理后台遇到了一个意外错误。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/core/crash_dialog.py" line="58"/>
        <source>You can keep working: changes you have queued are saved on this computer and will still be sent. Please copy the report below and send it to your support contact.</source>
        <translation>您可以继续工作：待发送的修改保存在本机，仍会照常发送。请复制下面的报告，发送给您的技术支持联系人。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/core/crash_dialog.py" line="61"/>
        <source>Log file: %1</source>
        <translation>日志文件：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/core/crash_dialog.py" line="62"/>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="270"/>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="249"/>
        <source>Nothing to do</source>
        <translation>暂无待办</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="259"/>
        <source>Waiting for the buyer to pay; you can change the price</source>
        <translation>等待买家支付，可改价</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="260"/>
        <source>Paid: deliver now</source>
        <translation>买家已支付，等待您交付</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="261"/>
        <source>Edit them and submit for review again</source>
        <translation>修改后重新提交审核</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="262"/>
        <source>The marketplace did not accept them: send again or discard</source>
        <translation>云市场未接受，可重新发送或放弃</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="263"/>
        <source>Notices from the marketplace</source>
        <translation>云市场发来的通知</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="264"/>
        <source>Requested by buyers: issue and post them</source>
        <translation>买家已申请，开票后寄出</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="265"/>
        <source>Past the 10 working days: issue them now</source>
        <translation>已超过 10 个工作日，尽快开票</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="266"/>
        <source>Issue them by the due date</source>
        <translation>最晚在截止日期当天开票</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="271"/>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="272"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="273"/>
        <source>Money</source>
        <translation>资金</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="276"/>
        <source>Unpaid</source>
        <translation>待支付</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="277"/>
        <source>To deliver</source>
        <translation>待交付</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="278"/>
        <source>Rejected listings</source>
        <translation>审核未通过</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="279"/>
        <source>Changes not accepted</source>
        <translation>未接受的修改</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="281"/>
        <source>Pending invoices</source>
        <translation>待处理发票</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="282"/>
        <source>Overdue invoices</source>
        <translation>逾期发票</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="283"/>
        <source>Due within %n working days</source>
        <translation>
            <numerusform>%n 个工作日内截止</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="284"/>
        <source>Orders today</source>
        <translation>今日订单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="285"/>
        <source>Paid today</source>
        <translation>今日已收款</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="287"/>
        <source>Withdrawable</source>
        <translation>待提现金额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="288"/>
        <source>On hold</source>
        <translation>暂不可提现</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="289"/>
        <source>Deposit outstanding</source>
        <translation>待缴保证金</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="290"/>
        <source>Withdrawals in progress</source>
        <translation>进行中的提现</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="280"/>
        <source>Unread messages</source>
        <translation>未读站内信</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="286"/>
        <source>Listings on sale</source>
        <translation>已上架商品</translation>
    </message>
</context>
<context>
    <name>DashboardViewModel</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/dashboard/viewmodel.py" line="106"/>
        <source>Yesterday %1 · +%2</source>
        <translation>昨日 %1 · ↑%2</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/dashboard/viewmodel.py" line="108"/>
        <source>Yesterday %1 · −%2</source>
        <translation>昨日 %1 · ↓%2</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/dashboard/viewmodel.py" line="110"/>
        <source>Yesterday %1 · same</source>
        <translation>昨日 %1 · 持平</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../../vendor_desktop/ui/discounts/discount_dialog.py" line="146"/>
        <location filename="../../vendor_desktop/ui/discounts/discount_dialog.py" line="147"/>
        <source>Give a buyer a discount</source>
        <translation>设置买家专属折扣</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/discounts/discount_dialog.py" line="148"/>
        <source>While the discount is valid, this buyer pays less for this listing.</source>
        <translation>有效期内，该买家购买此商品按折后价支付。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/discounts/discount_dialog.py" line="150"/>
        <source>Listing</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/discounts/discount_dialog.py" line="151"/>
        <source>Buyer account ID</source>
        <translation>买家账号 ID</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/discounts/discount_dialog.py" line="152"/>
        <source>Buyer pays</source>
        <translation>买家支付</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/discounts/discount_dialog.py" line="153"/>
        <source>Price after discount</source>
        <translation>折后价</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/discounts/discount_dialog.py" line="154"/>
        <source>Valid from</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/discounts/discount_dialog.py" line="155"/>
        <source>Valid until</source>
        <translation>失效时间</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/discounts/discount_dialog.py" line="159"/>
        <source>the buyer&apos;s marketplace account ID</source>
        <translation>买家的云市场账号 ID</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/discounts/discount_dialog.py" line="160"/>
        <source>Give discount</source>
        <translation>设置折扣</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/discounts/discount_dialog.py" line="161"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DiscountsView</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/discounts/view.py" line="101"/>
        <source>%n discounts</source>
        <translation>
            <numerusform>共 %n 条折扣</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/discounts/view.py" line="114"/>
        <source>Search buyer account ID, buyer or listing</source>
        <translation>搜索买家账号 ID、买家或商品</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/discounts/view.py" line="115"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/discounts/view.py" line="116"/>
        <source>Give discount…</source>
        <translation>设置折扣…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/discounts/view.py" line="117"/>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>DiscountsViewModel</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/table.py" line="52"/>
        <source>Active</source>
        <translation>生效中</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/table.py" line="53"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/table.py" line="54"/>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/table.py" line="32"/>
        <source>%1% off (buyer pays %2%)</source>
        <translation>减 %1%（买家支付 %2%）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/table.py" line="42"/>
        <source>%1 (buyer pays %2%)</source>
        <translation>%1（买家支付 %2%）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/table.py" line="51"/>
        <source>Scheduled</source>
        <translation>待生效</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/table.py" line="78"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/table.py" line="139"/>
        <source>The marketplace did not accept this change: %1</source>
        <translation>云市场未接受此修改：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/table.py" line="143"/>
        <source>Waits for an earlier change of this discount that the marketplace did not accept.</source>
        <translation>此折扣的前一项修改未被云市场接受，此修改在等待。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/table.py" line="148"/>
        <source>Revoking this discount is waiting to be sent to the marketplace.</source>
        <translation>撤销此折扣的修改正等待发送到云市场。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/table.py" line="151"/>
        <source>This discount is waiting to be sent to the marketplace.</source>
        <translation>此折扣正等待发送到云市场。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/table.py" line="165"/>
        <source>Revocation not accepted</source>
        <translation>撤销未被接受</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/table.py" line="167"/>
        <source>Not accepted</source>
        <translation>云市场未接受</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/table.py" line="170"/>
        <source>Waiting for an earlier change</source>
        <translation>等待前一项</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/table.py" line="172"/>
        <source>Revocation waiting to send</source>
        <translation>撤销待发送</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/table.py" line="174"/>
        <source>Waiting to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/table.py" line="237"/>
        <source>Listing</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/table.py" line="238"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/table.py" line="239"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/table.py" line="240"/>
        <source>Valid from</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/table.py" line="241"/>
        <source>Valid until</source>
        <translation>失效时间</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/table.py" line="242"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/viewmodel.py" line="108"/>
        <source>Your role cannot grant or revoke discounts. Ask the main account or operations.</source>
        <translation>您的角色不能设置或撤销折扣，请联系主账号或运营同事。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/viewmodel.py" line="47"/>
        <source>%1/month</source>
        <translation>%1/月</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/viewmodel.py" line="48"/>
        <source>%1/year</source>
        <translation>%1/年</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/viewmodel.py" line="49"/>
        <source>%1/call</source>
        <translation>%1/次</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/viewmodel.py" line="133"/>
        <source>No discounts match the search or state. Clear them to see every discount.</source>
        <translation>没有符合搜索或状态的折扣。清除条件可查看全部折扣。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/viewmodel.py" line="136"/>
        <source>No discounts yet. Give a buyer a discount on a listing with “Give discount…”.</source>
        <translation>暂无折扣。点击“设置折扣…”为买家设置商品专属折扣。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/viewmodel.py" line="159"/>
        <source>No orders from this buyer on this computer</source>
        <translation>本地没有这位买家的订单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/viewmodel.py" line="187"/>
        <source>Select a discount to revoke it.</source>
        <translation>选择一条折扣后可撤销。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/viewmodel.py" line="189"/>
        <source>This discount has not reached the marketplace yet. To take it back, discard it in Pending changes.</source>
        <translation>此折扣尚未送达云市场。如需取消，请在“待发送的修改”中放弃。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/viewmodel.py" line="195"/>
        <source>This discount is already revoked.</source>
        <translation>此折扣已撤销。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/viewmodel.py" line="197"/>
        <source>This discount has expired: nothing to revoke.</source>
        <translation>此折扣已过期，无需撤销。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/viewmodel.py" line="199"/>
        <source>Revoking it is already waiting to send.</source>
        <translation>撤销已在待发送的修改中。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/viewmodel.py" line="208"/>
        <source>Choose a listing.</source>
        <translation>请选择商品。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/viewmodel.py" line="211"/>
        <source>Enter the buyer&apos;s account ID.</source>
        <translation>请输入买家账号 ID。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/viewmodel.py" line="215"/>
        <source>A buyer account ID has letters and digits only (at most 64).</source>
        <translation>买家账号 ID 只能包含字母和数字（最多 64 个字符）。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/viewmodel.py" line="220"/>
        <source>The buyer pays 1% to 99% of the price (e.g. 80 = 20% off).</source>
        <translation>买家支付价格的 1% 到 99%（例如 80 = 八折）。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/viewmodel.py" line="224"/>
        <source>The end must come after the start.</source>
        <translation>失效时间必须晚于生效时间。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/discounts/viewmodel.py" line="262"/>
        <source>This buyer already has a discount on this listing from %1 to %2.</source>
        <translation>该买家在此商品上已有 %1 至 %2 的折扣。</translation>
    </message>
</context>
<context>
    <name>InvoiceActions</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/actions.py" line="52"/>
        <source>Your role cannot issue or post invoices. Ask the main account, finance or support.</source>
        <translation>您的角色不能开票或登记邮寄，请联系主账号、财务或客服同事。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/actions.py" line="58"/>
        <source>An earlier change of this invoice has not been accepted by the marketplace yet. Wait for it, or settle it in Pending changes.</source>
        <translation>这张发票之前的一项修改云市场还未接受。请等待，或在“待发送的修改”中处理。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/actions.py" line="63"/>
        <source>Not possible while the invoice is %1.</source>
        <translation>发票为“%1”时不能这样操作。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/actions.py" line="77"/>
        <source>Select a pending invoice first.</source>
        <translation>请先选择一张待处理的发票。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/actions.py" line="89"/>
        <source>Select an issued invoice first.</source>
        <translation>请先选择一张已开票的发票。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/actions.py" line="101"/>
        <source>Select a shipped invoice first.</source>
        <translation>请先选择一张已寄出的发票。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/actions.py" line="148"/>
        <source>Enter the invoice number printed on the invoice.</source>
        <translation>请填写纸质发票上的发票号码。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/actions.py" line="152"/>
        <source>An invoice number is 8 to 20 digits.</source>
        <translation>发票号码为 8–20 位数字。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/actions.py" line="157"/>
        <source>An invoice code is 10 or 12 digits. Leave it empty if the invoice has none.</source>
        <translation>发票代码为 10 或 12 位数字。发票上没有发票代码时请留空。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/actions.py" line="196"/>
        <source>Other (type its name)</source>
        <translation>其他（填写名称）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/actions.py" line="202"/>
        <source>From %1 you pay the postage (postage paid); below %1 you may send it cash on delivery.</source>
        <translation>发票金额满 %1 须寄付（由您支付邮费）；不满 %1 可以到付。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/actions.py" line="227"/>
        <source>Cash on delivery is not possible: this invoice is %1, and from %2 you pay the postage.</source>
        <translation>不能到付：这张发票金额为 %1，满 %2 须寄付。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/actions.py" line="240"/>
        <source>This does not look like a %1 tracking number. Check it; it is saved as typed if you go on.</source>
        <translation>这不像%1的快递单号，请核对。继续保存将按填写内容登记。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/actions.py" line="249"/>
        <source>Enter the carrier&apos;s name.</source>
        <translation>请填写快递公司名称。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/actions.py" line="251"/>
        <source>Keep the carrier&apos;s name to %1 characters.</source>
        <translation>快递公司名称不能超过 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/actions.py" line="256"/>
        <source>Enter the tracking number.</source>
        <translation>请填写快递单号。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/actions.py" line="258"/>
        <source>A tracking number is 6 to 40 letters, digits or hyphens.</source>
        <translation>快递单号为 6–40 位字母、数字或连字符。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/actions.py" line="264"/>
        <source>Change the carrier or the tracking number.</source>
        <translation>请修改快递公司或快递单号。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/actions.py" line="269"/>
        <source>Say why the shipment is corrected, for the buyer and your colleagues.</source>
        <translation>请填写更正原因，方便买家和同事了解。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/actions.py" line="273"/>
        <source>Keep the reason to %1 characters.</source>
        <translation>原因不能超过 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/actions.py" line="279"/>
        <source>Choose postage paid or cash on delivery.</source>
        <translation>请选择寄付或到付。</translation>
    </message>
</context>
<context>
    <name>InvoiceDetail</name>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/detail_pane.py" line="180"/>
        <source>Invoice details</source>
        <translation>发票详情</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/detail_pane.py" line="181"/>
        <source>Select an invoice to see its details.</source>
        <translation>选择一张发票以查看详情。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/detail_pane.py" line="182"/>
        <source>Issue…</source>
        <translation>开票…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/detail_pane.py" line="183"/>
        <source>Record shipment…</source>
        <translation>登记邮寄…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/detail_pane.py" line="184"/>
        <source>Correct shipment…</source>
        <translation>更正快递单号…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/detail_pane.py" line="185"/>
        <source>Dismiss</source>
        <translation>知道了</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/detail_pane.py" line="186"/>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/detail_pane.py" line="187"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/detail_pane.py" line="188"/>
        <source>Open in Orders</source>
        <translation>在订单管理中查看</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/detail_pane.py" line="189"/>
        <source>Mailing details</source>
        <translation>邮寄信息</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/detail_pane.py" line="190"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/detail_pane.py" line="191"/>
        <source>Copy the recipient, address and virtual number as one block.</source>
        <translation>将收件人、地址和虚拟号一起复制。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/detail_pane.py" line="192"/>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
</context>
<context>
    <name>InvoiceReminder</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/viewmodels/dashboard/invoice_reminder.py" line="124"/>
        <source>%n invoices are due on the next working day</source>
        <translation>
            <numerusform>%n 张发票下一个工作日截止</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/dashboard/invoice_reminder.py" line="128"/>
        <source>Order %1: issue the invoice by %2.</source>
        <translation>订单 %1 的发票最晚 %2 开票。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/dashboard/invoice_reminder.py" line="130"/>
        <source>Orders %1: issue the invoices by %2.</source>
        <translation>订单 %1 的发票最晚 %2 开票。</translation>
    </message>
</context>
<context>
    <name>InvoicesView</name>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/view.py" line="130"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/invoices/view.py" line="175"/>
        <source>%Ln invoices</source>
        <translation>
            <numerusform>共 %Ln 张发票</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/view.py" line="179"/>
        <source>Write the invoices listed to a CSV file.</source>
        <translation>将当前列出的发票导出为 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/view.py" line="182"/>
        <source>Show every invoice again.</source>
        <translation>清除全部筛选条件，显示所有发票。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/view.py" line="206"/>
        <source>Mailing details copied.</source>
        <translation>邮寄信息已复制。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/view.py" line="238"/>
        <source>Export invoices</source>
        <translation>导出发票</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/view.py" line="238"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/invoices/view.py" line="244"/>
        <source>Exported %Ln invoices to %1</source>
        <translation>
            <numerusform>已导出 %Ln 张发票到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/view.py" line="248"/>
        <source>Search order number, title, tax ID or tracking number</source>
        <translation>搜索订单号、抬头、税号或快递单号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/view.py" line="252"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/view.py" line="253"/>
        <source>Any due date</source>
        <translation>全部截止日期</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/view.py" line="254"/>
        <source>Requested between</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/view.py" line="255"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/view.py" line="256"/>
        <source>Import tracking numbers…</source>
        <translation>导入快递单号…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/view.py" line="257"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/view.py" line="258"/>
        <source>No invoices match these filters.
Clear the filters or search for something else.</source>
        <translation>没有符合条件的发票。
请清除筛选条件或换个关键词搜索。</translation>
    </message>
</context>
<context>
    <name>InvoicesViewModel</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="51"/>
        <location filename="../../vendor_desktop/viewmodels/invoices/table.py" line="69"/>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="53"/>
        <location filename="../../vendor_desktop/viewmodels/invoices/table.py" line="72"/>
        <source>due today</source>
        <translation>今天截止</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="56"/>
        <source>1 working day left</source>
        <translation>还剩 1 个工作日</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="58"/>
        <source>%1 working days left</source>
        <translation>还剩 %1 个工作日</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="61"/>
        <source>may move once this year&apos;s holidays are published</source>
        <translation>当年节假日公布后可能调整</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="65"/>
        <location filename="../../vendor_desktop/viewmodels/invoices/export.py" line="38"/>
        <source>Invoice type</source>
        <translation>发票类型</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="66"/>
        <location filename="../../vendor_desktop/viewmodels/invoices/export.py" line="37"/>
        <source>Title</source>
        <translation>抬头</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="67"/>
        <location filename="../../vendor_desktop/viewmodels/invoices/export.py" line="70"/>
        <source>Tax ID</source>
        <translation>税号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="69"/>
        <location filename="../../vendor_desktop/viewmodels/invoices/export.py" line="39"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="72"/>
        <location filename="../../vendor_desktop/viewmodels/invoices/export.py" line="42"/>
        <source>Requested</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="73"/>
        <location filename="../../vendor_desktop/viewmodels/invoices/export.py" line="41"/>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="74"/>
        <location filename="../../vendor_desktop/viewmodels/invoices/export.py" line="71"/>
        <source>Invoice number</source>
        <translation>发票号码</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="76"/>
        <source>Invoice code</source>
        <translation>发票代码</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="79"/>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="80"/>
        <source>Tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="81"/>
        <location filename="../../vendor_desktop/viewmodels/invoices/export.py" line="72"/>
        <source>Postage</source>
        <translation>邮费</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="98"/>
        <source>there is no title</source>
        <translation>没有抬头</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="102"/>
        <source>a VAT special invoice needs the buyer&apos;s tax ID</source>
        <translation>增值税专用发票需要买家的税号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="106"/>
        <source>the tax ID is not 15, 18 or 20 letters and digits</source>
        <translation>税号不是 15、18 或 20 位字母和数字</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="109"/>
        <source>there is no address</source>
        <translation>没有邮寄地址</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="120"/>
        <source>This request looks wrong: %1. Call the buyer on the virtual number %2 to correct it before you issue.</source>
        <translation>这份申请似乎有误：%1。开票前请拨打虚拟号 %2 联系买家更正。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="128"/>
        <source>To correct the request, call the buyer on the virtual number %1.</source>
        <translation>如需更正申请信息，请拨打虚拟号 %1 联系买家。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="135"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="143"/>
        <source>requested the invoice</source>
        <translation>申请开票</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="145"/>
        <source>issued invoice number %1</source>
        <translation>已开票，发票号码 %1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="150"/>
        <source>posted it: %1 (%2)</source>
        <translation>已寄出：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="156"/>
        <source>corrected the shipment to %1. Reason: %2</source>
        <translation>快递单号更正为 %1。原因：%2</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="161"/>
        <source>revoked the request</source>
        <translation>撤销了申请</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="177"/>
        <source>issue invoice number %1</source>
        <translation>开票，发票号码 %1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="183"/>
        <source>record the shipment %1 (%2)</source>
        <translation>登记邮寄 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="188"/>
        <source>correct the shipment to %1</source>
        <translation>快递单号更正为 %1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="199"/>
        <source>The marketplace did not accept this change (%1): %2</source>
        <translation>云市场未接受此修改（%1）：%2</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="204"/>
        <source>This change (%1) waits for an earlier change of this invoice, which the marketplace did not accept.</source>
        <translation>此修改（%1）在等待前一项：云市场未接受这张发票之前的一项修改。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/detail.py" line="208"/>
        <source>This change is waiting to send: %1.</source>
        <translation>此修改待发送：%1。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/table.py" line="75"/>
        <source>due in 1 working day</source>
        <translation>1 个工作日后截止</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/table.py" line="76"/>
        <source>due in %1 working days</source>
        <translation>%1 个工作日后截止</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/table.py" line="84"/>
        <source>change waiting to send</source>
        <translation>修改待发送</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/table.py" line="86"/>
        <source>change not accepted</source>
        <translation>云市场未接受修改</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/export.py" line="36"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/export.py" line="40"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/export.py" line="43"/>
        <source>Carrier and tracking number</source>
        <translation>快递公司和快递单号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/viewmodel.py" line="49"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/viewmodel.py" line="52"/>
        <source>Due within 1 working day</source>
        <translation>1 个工作日内截止</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/viewmodel.py" line="54"/>
        <source>Due within %1 working days</source>
        <translation>%1 个工作日内截止</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/viewmodel.py" line="166"/>
        <source>No filter is set.</source>
        <translation>未设置筛选条件。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/viewmodel.py" line="310"/>
        <source>An export is being written.</source>
        <translation>正在导出，请稍候。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/viewmodel.py" line="312"/>
        <source>No invoices to export: no invoice matches these filters.</source>
        <translation>没有可导出的发票：没有符合筛选条件的发票。</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/issue_dialog.py" line="64"/>
        <source>Issue invoice</source>
        <translation>开票</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/issue_dialog.py" line="65"/>
        <source>Issue the invoice for order %1</source>
        <translation>为订单 %1 开票</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/issue_dialog.py" line="68"/>
        <source>Title</source>
        <translation>抬头</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/issue_dialog.py" line="68"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/issue_dialog.py" line="68"/>
        <source>Invoice number</source>
        <translation>发票号码</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/issue_dialog.py" line="68"/>
        <source>Invoice code</source>
        <translation>发票代码</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/issue_dialog.py" line="75"/>
        <source>8 to 20 digits, as printed</source>
        <translation>8–20 位数字，与纸质发票一致</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/issue_dialog.py" line="76"/>
        <source>Optional: 10 or 12 digits</source>
        <translation>选填：10 或 12 位数字</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/issue_dialog.py" line="79"/>
        <source>The invoice number is saved on this computer and sent to the marketplace as soon as it can be reached. If the buyer revokes the request first, the marketplace does not accept it.</source>
        <translation>发票号码会先保存在本机，一旦能连上云市场就立即发送。如果买家先撤销了申请，云市场不会接受此修改。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/issue_dialog.py" line="82"/>
        <source>Issue</source>
        <translation>开票</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/issue_dialog.py" line="83"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="32"/>
        <source>%1 (Beijing time)</source>
        <translation>%1（北京时间）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="39"/>
        <source>Unpaid</source>
        <translation>待支付</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="40"/>
        <source>To deliver</source>
        <translation>待交付</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="41"/>
        <source>Delivering</source>
        <translation>交付中</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="42"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="43"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="44"/>
        <source>Refunding</source>
        <translation>退款中</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="45"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="53"/>
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="54"/>
        <source>Issued</source>
        <translation>已开票</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="55"/>
        <source>Shipped</source>
        <translation>已寄出</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="56"/>
        <source>Revoked by buyer</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="64"/>
        <source>VAT ordinary invoice</source>
        <translation>增值税普通发票</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="65"/>
        <source>VAT special invoice</source>
        <translation>增值税专用发票</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="73"/>
        <source>Postage paid</source>
        <translation>寄付</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="74"/>
        <source>Cash on delivery</source>
        <translation>到付</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="100"/>
        <source>%1 ext. %2</source>
        <translation>%1 转 %2</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="113"/>
        <source>Main account</source>
        <translation>主账号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="117"/>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="124"/>
        <source>Pay-as-you-go</source>
        <translation>按需</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="139"/>
        <source>%1/month</source>
        <translation>%1/月</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="140"/>
        <source>%1/year</source>
        <translation>%1/年</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="141"/>
        <source>pay-as-you-go %1/call</source>
        <translation>按需 %1/次</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="159"/>
        <source>Requested</source>
        <comment>withdrawal state</comment>
        <translation>已申请</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="160"/>
        <source>Processing</source>
        <comment>withdrawal state</comment>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="161"/>
        <source>Paid</source>
        <comment>withdrawal state</comment>
        <translation>已到账</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="162"/>
        <source>Failed</source>
        <comment>withdrawal state</comment>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="170"/>
        <source>Awaiting decision</source>
        <comment>refund state</comment>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="171"/>
        <source>Approved</source>
        <comment>refund state</comment>
        <translation>已同意</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="172"/>
        <source>Partly refunded</source>
        <comment>refund state</comment>
        <translation>部分退款</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="173"/>
        <source>Refused</source>
        <comment>refund state</comment>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="181"/>
        <source>Open</source>
        <comment>ticket state</comment>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="182"/>
        <source>Awaiting you</source>
        <comment>ticket state</comment>
        <translation>待您回复</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="183"/>
        <source>Closed</source>
        <comment>ticket state</comment>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="184"/>
        <source>Cancelled</source>
        <comment>ticket state</comment>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="192"/>
        <source>Listing</source>
        <comment>ticket type</comment>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="193"/>
        <source>Order</source>
        <comment>ticket type</comment>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="194"/>
        <source>Account</source>
        <comment>ticket type</comment>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="195"/>
        <source>Money</source>
        <comment>ticket type</comment>
        <translation>资金</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="196"/>
        <source>Other</source>
        <comment>ticket type</comment>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="205"/>
        <source>tier %1</source>
        <translation>第 %1 档</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="211"/>
        <source>The access agreement and the revenue supplementary agreement must both be signed</source>
        <translation>需签署接入协议和收益补充协议</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="214"/>
        <source>The deposit paid does not cover this market</source>
        <translation>已缴保证金未覆盖此类目市场</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="222"/>
        <source>Top-up</source>
        <translation>充值</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="223"/>
        <source>Deposit payment</source>
        <translation>缴纳保证金</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="224"/>
        <source>Deposit refund</source>
        <translation>保证金退还</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="225"/>
        <source>Order settled</source>
        <translation>订单结算</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="226"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="227"/>
        <source>Withdrawal</source>
        <translation>提现</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="228"/>
        <source>Failed withdrawal returned</source>
        <translation>提现失败退回</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="236"/>
        <source>Access agreement</source>
        <translation>接入协议</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="237"/>
        <source>Revenue supplementary agreement</source>
        <translation>收益补充协议</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="245"/>
        <source>Register</source>
        <translation>注册</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="246"/>
        <source>Sign the access agreement</source>
        <translation>签署接入协议</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="247"/>
        <source>Real-name verification</source>
        <translation>实名认证</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="248"/>
        <source>Complete the account information</source>
        <translation>完善账户信息</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="249"/>
        <source>Pay the platform certification fee</source>
        <translation>缴纳平台认证费</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="114"/>
        <source>Operations</source>
        <translation>运营</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="115"/>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="116"/>
        <source>Support</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="125"/>
        <source>Monthly</source>
        <translation>包月</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="126"/>
        <source>Yearly</source>
        <translation>包年</translation>
    </message>
</context>
<context>
    <name>LedgerView</name>
    <message>
        <location filename="../../vendor_desktop/ui/money/ledger.py" line="94"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/ledger.py" line="104"/>
        <source>All markets</source>
        <translation>全部市场</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/money/ledger.py" line="119"/>
        <source>%Ln entries</source>
        <translation>
            <numerusform>共 %Ln 笔资金流水</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/ledger.py" line="123"/>
        <source>No filter is set.</source>
        <translation>没有设置筛选条件。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/ledger.py" line="133"/>
        <source>The summary and every movement of the month.</source>
        <translation>当月汇总和每一笔资金流水。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/ledger.py" line="139"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/ledger.py" line="139"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/ledger.py" line="141"/>
        <source>Export statement</source>
        <translation>导出对账单</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/money/ledger.py" line="148"/>
        <source>Exported the statement with %Ln movements to %1</source>
        <translation>
            <numerusform>已导出对账单（%Ln 笔资金流水）到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/ledger.py" line="153"/>
        <source>Any time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/ledger.py" line="154"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/ledger.py" line="155"/>
        <source>Balance and earnings</source>
        <translation>账户余额和收益</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/ledger.py" line="159"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/ledger.py" line="160"/>
        <source>Monthly statement</source>
        <translation>月度对账单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/ledger.py" line="161"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/ledger.py" line="162"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
</context>
<context>
    <name>LedgerViewModel</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/ledger.py" line="42"/>
        <source>Balance</source>
        <translation>账户余额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/ledger.py" line="43"/>
        <source>Earnings</source>
        <translation>收益</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/ledger.py" line="172"/>
        <location filename="../../vendor_desktop/viewmodels/money/ledger.py" line="207"/>
        <source>Reading the ledger on this computer…</source>
        <translation>正在读取本机的资金流水…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/ledger.py" line="174"/>
        <source>No money movements match these filters.
Clear the filters to see every movement.</source>
        <translation>没有符合筛选条件的资金流水。
清除筛选即可查看全部。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/ledger.py" line="177"/>
        <source>No money has moved yet.
Top-ups, deposit payments, settled orders and withdrawals show here.</source>
        <translation>还没有资金流水。
充值、缴纳保证金、订单结算和提现都会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/ledger.py" line="198"/>
        <source>No money had moved by the end of this month.</source>
        <translation>截至本月底还没有资金流水。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/ledger.py" line="205"/>
        <source>An export is being written.</source>
        <translation>正在导出。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/ledger.py" line="209"/>
        <source>Nothing to export: no money had moved by the end of this month.</source>
        <translation>没有可导出的内容：截至本月底还没有资金流水。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/ledger_table.py" line="30"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/ledger_table.py" line="31"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/ledger_table.py" line="32"/>
        <source>Market</source>
        <translation>市场</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/ledger_table.py" line="33"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/ledger_table.py" line="34"/>
        <source>Balance after</source>
        <translation>变动后余额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/ledger_table.py" line="35"/>
        <source>Reference</source>
        <translation>关联单号</translation>
    </message>
</context>
<context>
    <name>ListingDetail</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/detail.py" line="114"/>
        <source>%1: %2 calls</source>
        <translation>%1：%2 次</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/detail.py" line="127"/>
        <source>Name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/detail.py" line="128"/>
        <source>Market</source>
        <translation>类目市场</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/detail.py" line="129"/>
        <source>Summary</source>
        <translation>商品简介</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/detail.py" line="130"/>
        <source>Description</source>
        <translation>商品详情</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/detail.py" line="131"/>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/detail.py" line="132"/>
        <source>Listing service agreement</source>
        <translation>商品服务协议</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/detail.py" line="142"/>
        <source>Changes (not submitted)</source>
        <translation>修改后（未提交）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/detail.py" line="143"/>
        <source>Changes (in review)</source>
        <translation>修改后（修改审核中）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/detail.py" line="144"/>
        <source>Changes (rejected)</source>
        <translation>修改后（审核未通过）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/detail.py" line="146"/>
        <source>Changes</source>
        <translation>修改后</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/detail.py" line="154"/>
        <source>Rejected</source>
        <translation>审核未通过</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/detail.py" line="155"/>
        <location filename="../../vendor_desktop/viewmodels/listings/detail.py" line="162"/>
        <source>The marketplace gave no reason.</source>
        <translation>云市场未给出驳回原因。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/detail.py" line="160"/>
        <source>Changes rejected (the listing stays on sale as it was)</source>
        <translation>修改审核未通过（商品按原内容保持上架）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/detail.py" line="185"/>
        <source>Delivery</source>
        <translation>交付方式</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/detail.py" line="188"/>
        <source>Review due</source>
        <translation>审核截止</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/detail.py" line="193"/>
        <source>Security review</source>
        <translation>镜像安全审核</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/detail.py" line="194"/>
        <source>Image listings pass a security review first.</source>
        <translation>镜像商品需先通过镜像安全审核。</translation>
    </message>
</context>
<context>
    <name>ListingDetailPane</name>
    <message>
        <location filename="../../vendor_desktop/ui/listings/detail_pane.py" line="130"/>
        <location filename="../../vendor_desktop/ui/listings/detail_pane.py" line="188"/>
        <source>Select a listing to see it here.</source>
        <translation>选择一个商品，在这里查看详情。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/detail_pane.py" line="136"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/detail_pane.py" line="140"/>
        <source>Reason: %1</source>
        <translation>驳回原因：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/detail_pane.py" line="146"/>
        <source>On sale now</source>
        <translation>当前已上架的版本</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/detail_pane.py" line="167"/>
        <source>Changed</source>
        <translation>已修改</translation>
    </message>
</context>
<context>
    <name>ListingEditor</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="36"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="37"/>
        <source>Too long.</source>
        <translation>内容过长。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="38"/>
        <source>Not valid.</source>
        <translation>格式不正确。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="39"/>
        <source>Choose a market.</source>
        <translation>请选择类目市场。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="40"/>
        <source>Must be an https:// address (http is not accepted).</source>
        <translation>必须是 https:// 开头的地址（不接受 http://）。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="43"/>
        <source>Not a web address.</source>
        <translation>不是有效的网址。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="44"/>
        <source>Each quota must be more than 0.</source>
        <translation>每个套餐的调用额度必须大于 0。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="45"/>
        <source>Between 1 and 720 hours.</source>
        <translation>须在 1 到 720 小时之间。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="46"/>
        <source>The price must be more than ¥0.00.</source>
        <translation>价格必须大于 ¥0.00。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="47"/>
        <source>The price is too large.</source>
        <translation>价格过大。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="48"/>
        <source>Enter a price in yuan, e.g. 99.00 (two decimals at most).</source>
        <translation>请输入以元为单位的价格，例如 99.00（最多两位小数）。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="51"/>
        <source>Unknown billing mode.</source>
        <translation>未知的计费方式。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="52"/>
        <source>A listing needs its listing service agreement before it can be submitted.</source>
        <translation>商品须填写商品服务协议后才能提交审核。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="57"/>
        <source>Offer at least one billing mode with a price.</source>
        <translation>请至少提供一种计费方式并填写价格。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="72"/>
        <source>Image ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="73"/>
        <source>Operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="74"/>
        <source>Auto-delivery callback URL</source>
        <translation>自动交付回调地址</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="75"/>
        <source>API base URL</source>
        <translation>API 基础地址</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="76"/>
        <source>Calls included per plan</source>
        <translation>每个套餐包含的调用次数</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="77"/>
        <source>Service scope</source>
        <translation>服务范围</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="78"/>
        <source>Promised response (hours)</source>
        <translation>承诺响应时间（小时）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/deposit_preview.py" line="52"/>
        <source>Deposit tier %1: selling here requires a deposit of %2.</source>
        <translation>保证金第 %1 档：在此类目市场销售须缴纳保证金 %2。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/deposit_preview.py" line="68"/>
        <source>The deposit paid already covers this market.</source>
        <translation>已缴保证金已覆盖此类目市场。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/deposit_preview.py" line="71"/>
        <source>Deposit paid %1; selling here needs %2 more.</source>
        <translation>已缴 %1，在此类目市场销售还需缴纳 %2。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="91"/>
        <source>Review: a security review (about %1 working days), then up to %2 working days.</source>
        <translation>审核：先进行镜像安全审核（约 %1 个工作日），再进行最长 %2 个工作日的商品审核。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="96"/>
        <source>Review: up to %1 working days.</source>
        <translation>审核：最长 %1 个工作日。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="170"/>
        <source>Your role cannot edit listings.</source>
        <translation>您的角色不能编辑商品。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="172"/>
        <source>A listing cannot be edited while it is in review.</source>
        <translation>审核中的商品不能修改。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="175"/>
        <source>Its changes are in review; wait for the result.</source>
        <translation>修改审核中，审核结束后才能再修改。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/listing_editor.py" line="201"/>
        <source>A listing&apos;s market cannot change.</source>
        <translation>商品创建后不能更换类目市场。</translation>
    </message>
</context>
<context>
    <name>ListingEditorDialog</name>
    <message>
        <location filename="../../vendor_desktop/ui/listings/listing_editor_dialog.py" line="295"/>
        <source>New listing</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/listing_editor_dialog.py" line="297"/>
        <source>Edit an on-sale listing (the changes go to review; the listing stays on sale meanwhile)</source>
        <translation>编辑已上架商品（修改需审核，审核期间商品保持上架）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/listing_editor_dialog.py" line="299"/>
        <source>Edit listing</source>
        <translation>编辑商品</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/listing_editor_dialog.py" line="300"/>
        <source>Listing</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/listing_editor_dialog.py" line="303"/>
        <source>Rejected · reason: %1</source>
        <translation>审核未通过 · 驳回原因：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/listing_editor_dialog.py" line="306"/>
        <source>Market</source>
        <translation>类目市场</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/listing_editor_dialog.py" line="307"/>
        <source>Name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/listing_editor_dialog.py" line="308"/>
        <source>Summary</source>
        <translation>商品简介</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/listing_editor_dialog.py" line="309"/>
        <source>Description</source>
        <translation>商品详情</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/listing_editor_dialog.py" line="310"/>
        <source>Billing and prices (¥)</source>
        <translation>计费方式与价格（元）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/listing_editor_dialog.py" line="311"/>
        <source>Listing service agreement</source>
        <translation>商品服务协议</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/listing_editor_dialog.py" line="317"/>
        <source>e.g. 99.00</source>
        <translation>例如 99.00</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/listing_editor_dialog.py" line="322"/>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/listing_editor_dialog.py" line="322"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/listing_editor_dialog.py" line="323"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ListingPrices</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/prices.py" line="22"/>
        <source>yuan per month</source>
        <translation>元/月</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/prices.py" line="23"/>
        <source>yuan per year</source>
        <translation>元/年</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/prices.py" line="24"/>
        <source>yuan per call</source>
        <translation>元/次</translation>
    </message>
</context>
<context>
    <name>ListingsView</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/listings/view.py" line="146"/>
        <source>%n listings</source>
        <translation>
            <numerusform>共 %n 个商品</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/view.py" line="177"/>
        <source>Search listings</source>
        <translation>搜索商品</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/view.py" line="178"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/view.py" line="179"/>
        <source>All markets</source>
        <translation>全部市场</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/view.py" line="181"/>
        <source>New listing…</source>
        <translation>新建商品…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/view.py" line="182"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/view.py" line="183"/>
        <source>Submit for review</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/view.py" line="184"/>
        <source>Delist</source>
        <translation>下架</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/view.py" line="185"/>
        <source>No listings match.
Create one with “New listing…”.</source>
        <translation>没有符合条件的商品。
点击“新建商品…”创建一个。</translation>
    </message>
</context>
<context>
    <name>ListingsViewModel</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="41"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="42"/>
        <source>In review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="43"/>
        <source>On sale</source>
        <translation>已上架</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="44"/>
        <source>Rejected</source>
        <translation>审核未通过</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="45"/>
        <source>Delisted</source>
        <translation>已下架</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="53"/>
        <source>Changes not submitted</source>
        <translation>修改未提交</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="54"/>
        <source>Changes in review</source>
        <translation>修改审核中</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="55"/>
        <source>Changes rejected</source>
        <translation>修改审核未通过</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="73"/>
        <source>Image</source>
        <translation>镜像交付</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="74"/>
        <source>Manual service</source>
        <translation>人工交付</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="75"/>
        <source>API</source>
        <translation>API交付</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="76"/>
        <source>SaaS</source>
        <translation>SaaS交付</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="91"/>
        <source>(estimate)</source>
        <translation>（预估）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="112"/>
        <source>Waiting for an earlier change</source>
        <translation>等待前一项</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="113"/>
        <source>Not accepted</source>
        <translation>云市场未接受</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="207"/>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="224"/>
        <source>Reason: %1</source>
        <translation>驳回原因：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="204"/>
        <source>Name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="98"/>
        <source>not accepted: %1</source>
        <translation>云市场未接受：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="100"/>
        <source>draft waiting to send</source>
        <translation>草稿待发送</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="101"/>
        <source>edit waiting to send</source>
        <translation>修改待发送</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="102"/>
        <source>submission waiting to send</source>
        <translation>提交审核待发送</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="103"/>
        <location filename="../../vendor_desktop/viewmodels/listings/viewmodel.py" line="217"/>
        <source>delisting waiting to send</source>
        <translation>下架待发送</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="205"/>
        <source>Market</source>
        <translation>类目市场</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="206"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="208"/>
        <source>Last change</source>
        <translation>最近修改</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/table.py" line="209"/>
        <source>Review due</source>
        <translation>审核截止</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/viewmodel.py" line="103"/>
        <source>Your role can only read listings.</source>
        <translation>您的角色只能查看商品。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/viewmodel.py" line="109"/>
        <source>Select a listing first.</source>
        <translation>请先选择一个商品。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/viewmodel.py" line="111"/>
        <source>Select only one listing.</source>
        <translation>只能选择一个商品。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/viewmodel.py" line="113"/>
        <source>This draft has not reached the marketplace yet; wait until it is sent.</source>
        <translation>草稿尚未发送到云市场，发送后才能操作。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/viewmodel.py" line="133"/>
        <source>Your changes have not reached the marketplace yet; submit once they are sent.</source>
        <translation>修改尚未送达云市场，送达后再提交审核。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/viewmodel.py" line="142"/>
        <source>Already in review; wait for the result.</source>
        <translation>已在审核中，请等待审核结果。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/viewmodel.py" line="144"/>
        <source>On sale with no changes to submit. Edit it first; the changes then go to review.</source>
        <translation>商品已上架，没有待提交的修改。修改后再提交审核。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/viewmodel.py" line="157"/>
        <source>Select the listings to delist.</source>
        <translation>请选择要下架的商品。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/viewmodel.py" line="159"/>
        <source>Only listings on sale can be delisted.</source>
        <translation>只有已上架的商品可以下架。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/listings/viewmodel.py" line="209"/>
        <source>skipped: not on sale (%1)</source>
        <translation>已跳过：未上架（%1）</translation>
    </message>
</context>
<context>
    <name>LocalWrite</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/write_errors.py" line="27"/>
        <source>the disk is full. Free some space, then try again.</source>
        <translation>磁盘已满。腾出空间后再试。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/write_errors.py" line="29"/>
        <source>the data file on this computer cannot be written (read-only). Check its folder, then try again.</source>
        <translation>本机的数据文件无法写入（只读）。检查所在文件夹后再试。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/write_errors.py" line="34"/>
        <source>the data file is in use by another program. Try again in a moment.</source>
        <translation>数据文件正被其他程序占用。稍后再试。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/write_errors.py" line="38"/>
        <source>the disk could not be written. Check the disk, then try again.</source>
        <translation>磁盘无法写入。检查磁盘后再试。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/write_errors.py" line="48"/>
        <source>This change is being sent right now and can no longer be discarded. Wait for the marketplace&apos;s answer.</source>
        <translation>此修改正在发送，已无法放弃。请等待云市场的答复。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/write_errors.py" line="53"/>
        <source>This change has already been applied; it can no longer be discarded.</source>
        <translation>此修改已生效，无法再放弃。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/write_errors.py" line="56"/>
        <source>This change is no longer in the list.</source>
        <translation>此修改已不在列表中。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/write_errors.py" line="57"/>
        <source>Could not save on this computer: %1</source>
        <translation>无法保存到本机：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/write_errors.py" line="62"/>
        <source>Vendor Center closed before %1 of your latest changes could be saved on this computer; they may be lost. When you start it again, check Pending changes and make any missing change again.</source>
        <translation>服务商管理后台在最近 %1 项修改保存到本机之前已关闭，这些修改可能已丢失。再次启动后，请在“待发送的修改”中查看，并重新进行缺少的修改。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../vendor_desktop/ui/shell/main_window.py" line="177"/>
        <source>Change not saved</source>
        <translation>修改未保存</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/main_window.py" line="185"/>
        <source>Changes not sent yet</source>
        <translation>修改尚未发送</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/shell/main_window.py" line="187"/>
        <source>%n changes have not reached the marketplace yet. They are kept on this computer and sent the next time you start Vendor Center. Quit now?</source>
        <translation>
            <numerusform>有 %n 项修改尚未送达云市场。它们会保存在本机，下次启动服务商管理后台时发送。现在退出吗？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MenusMixin</name>
    <message>
        <location filename="../../vendor_desktop/ui/shell/menus.py" line="83"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/menus.py" line="84"/>
        <source>&amp;Go</source>
        <translation>前往(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/menus.py" line="85"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/menus.py" line="86"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/menus.py" line="87"/>
        <source>Find orders</source>
        <translation>查找订单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/menus.py" line="88"/>
        <source>Export orders to CSV…</source>
        <translation>导出订单为 CSV…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/menus.py" line="89"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/menus.py" line="90"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/menus.py" line="91"/>
        <source>Change price by order number…</source>
        <translation>按订单号改价…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/menus.py" line="92"/>
        <source>Desktop notifications</source>
        <translation>桌面通知</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/menus.py" line="93"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/menus.py" line="94"/>
        <source>About Vendor Center</source>
        <translation>关于服务商管理后台</translation>
    </message>
</context>
<context>
    <name>MessagesView</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/messages/view.py" line="168"/>
        <source>%n messages</source>
        <translation>
            <numerusform>共 %n 条站内信</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/messages/view.py" line="170"/>
        <source>No filter is set.</source>
        <translation>未设置筛选条件。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/messages/view.py" line="173"/>
        <source>No messages match these filters.
Clear the filters or search for something else.</source>
        <translation>没有符合筛选条件的站内信。
清除筛选或换个关键词搜索。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/messages/view.py" line="180"/>
        <source>Mark this kind read</source>
        <translation>本类全部标为已读</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/messages/view.py" line="180"/>
        <source>Mark all read</source>
        <translation>全部标为已读</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/messages/view.py" line="184"/>
        <source>Mark %n unread messages as read</source>
        <translation>
            <numerusform>将 %n 条未读站内信标为已读</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/messages/view.py" line="217"/>
        <source>Search message titles and text</source>
        <translation>搜索站内信标题或内容</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/messages/view.py" line="218"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/messages/view.py" line="219"/>
        <source>Unread only</source>
        <translation>只看未读</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/messages/view.py" line="220"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/messages/view.py" line="221"/>
        <source>Select a message to read it.</source>
        <translation>选择一条消息以阅读。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/messages/view.py" line="176"/>
        <source>No messages yet. New orders and payments will show up here.</source>
        <translation>暂无消息。新订单和付款通知会显示在这里。</translation>
    </message>
</context>
<context>
    <name>MessagesViewModel</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="275"/>
        <source>Review passed</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="276"/>
        <source>Review failed</source>
        <translation>审核未通过</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="277"/>
        <source>New order</source>
        <translation>新订单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="278"/>
        <source>Order paid</source>
        <translation>订单已支付</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="280"/>
        <source>Invoice requested</source>
        <translation>买家申请开票</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="281"/>
        <source>Invoice request revoked</source>
        <translation>买家撤销开票申请</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="283"/>
        <source>Refund requested</source>
        <translation>退款申请</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="284"/>
        <source>Refunded automatically</source>
        <translation>已自动退款</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="285"/>
        <source>Ticket replied</source>
        <translation>工单已回复</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="286"/>
        <source>Ticket closed</source>
        <translation>工单已完成</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="287"/>
        <source>Delivery confirmed</source>
        <translation>买家已确认交付</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="288"/>
        <source>Deposit refunded</source>
        <translation>保证金已退还</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/labels.py" line="290"/>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/messages/viewmodel.py" line="97"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/messages/viewmodel.py" line="98"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/messages/viewmodel.py" line="99"/>
        <source>Message</source>
        <translation>消息内容</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/messages/viewmodel.py" line="111"/>
        <location filename="../../vendor_desktop/viewmodels/messages/viewmodel.py" line="115"/>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/messages/viewmodel.py" line="109"/>
        <source>Read</source>
        <translation>已读</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/messages/viewmodel.py" line="295"/>
        <source>View order</source>
        <translation>查看订单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/messages/viewmodel.py" line="296"/>
        <source>View listing</source>
        <translation>查看商品</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/messages/viewmodel.py" line="297"/>
        <source>View invoice</source>
        <translation>查看发票</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/messages/viewmodel.py" line="325"/>
        <source>Sign in to mark messages as read.</source>
        <translation>登录后才能将站内信标为已读。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/messages/viewmodel.py" line="329"/>
        <source>No unread messages of this kind.</source>
        <translation>此类型没有未读站内信。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/messages/viewmodel.py" line="330"/>
        <source>No unread messages.</source>
        <translation>没有未读站内信。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/viewmodels/messages/viewmodel.py" line="369"/>
        <source>%n new orders</source>
        <translation>
            <numerusform>%n 个新订单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/viewmodels/messages/viewmodel.py" line="374"/>
        <source>%n new invoice requests</source>
        <translation>
            <numerusform>%n 个新的开票申请</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/viewmodels/messages/viewmodel.py" line="379"/>
        <source>%n new refund requests</source>
        <translation>
            <numerusform>%n 个新的退款申请</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/viewmodels/messages/viewmodel.py" line="384"/>
        <source>%n tickets replied</source>
        <translation>
            <numerusform>%n 个工单有新回复</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MoneyCards</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/dashboard/money.py" line="106"/>
        <source>Shown after the first sync</source>
        <translation>首次同步后显示</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/dashboard/money.py" line="117"/>
        <source>Pending settlement %1</source>
        <translation>待结算 %1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/dashboard/money.py" line="124"/>
        <source>Nothing on hold</source>
        <translation>没有暂不可提现的收益</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/viewmodels/dashboard/money.py" line="127"/>
        <source>%n markets · agreements not signed</source>
        <translation>
            <numerusform>%n 个市场 · 协议未签署</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/viewmodels/dashboard/money.py" line="129"/>
        <source>%n markets · deposit too low</source>
        <translation>
            <numerusform>%n 个市场 · 已缴保证金未覆盖</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/dashboard/money.py" line="138"/>
        <source>Required: %1 · paid %2</source>
        <translation>应缴%1 · 已缴 %2</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/dashboard/money.py" line="141"/>
        <source>The main account or finance pays it</source>
        <translation>由主账号或财务缴纳</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/dashboard/money.py" line="144"/>
        <source>Paid: %1, covering every market with revenue</source>
        <translation>已缴%1，已覆盖所有有收益的市场</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/dashboard/money.py" line="146"/>
        <source>None required yet: no market has revenue</source>
        <translation>暂无应缴：尚无市场产生收益</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/viewmodels/dashboard/money.py" line="153"/>
        <source>%n withdrawals</source>
        <translation>
            <numerusform>共 %n 笔提现</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/dashboard/money.py" line="153"/>
        <source>None in progress</source>
        <translation>没有进行中的提现</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/viewmodels/dashboard/money.py" line="155"/>
        <source>%n withdrawals waiting to send</source>
        <translation>
            <numerusform>%n 笔提现待发送</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MoneyView</name>
    <message>
        <location filename="../../vendor_desktop/ui/money/view.py" line="70"/>
        <source>The receipt was not saved: %1</source>
        <translation>缴纳凭证未保存：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/view.py" line="73"/>
        <source>Receipt saved to %1</source>
        <translation>缴纳凭证已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/view.py" line="81"/>
        <source>Save receipt</source>
        <translation>保存缴纳凭证</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/view.py" line="81"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/view.py" line="96"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/view.py" line="98"/>
        <source>Ledger · Statement</source>
        <translation>资金流水 · 对账单</translation>
    </message>
</context>
<context>
    <name>MoneyViewModel</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/amount_form.py" line="28"/>
        <source>At most two decimals: fen are the smallest unit.</source>
        <translation>金额最多两位小数（精确到分）。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/amount_form.py" line="32"/>
        <source>That amount is too large.</source>
        <translation>金额过大。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/amount_form.py" line="33"/>
        <source>Enter an amount in yuan, e.g. 2000 or 2,000.00.</source>
        <translation>请输入以元为单位的金额，如 2000 或 2,000.00。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/amount_form.py" line="35"/>
        <source>Enter an amount above ¥0.00.</source>
        <translation>金额须大于 ¥0.00。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/deposit_payment.py" line="36"/>
        <source>Your role cannot pay the deposit. Ask the main account or finance.</source>
        <translation>您的角色不能缴纳保证金，请联系主账号或财务。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/deposit_payment.py" line="40"/>
        <source>The deposit figures have not reached this computer yet. Sync first.</source>
        <translation>本机还没有保证金数据，请先同步。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/deposit_payment.py" line="44"/>
        <source>The deposit already covers tier 3, the highest: nothing more to pay.</source>
        <translation>保证金已达最高的第 3 档，无需再缴。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/deposit_payment.py" line="74"/>
        <source>Tier %1 (%2 in all): pay %3</source>
        <translation>第 %1 档（共 %2）：缴纳 %3</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/deposit_payment.py" line="96"/>
        <source>(%1 of it already queued for the deposit)</source>
        <translation>（其中 %1 已用于待发送的保证金缴纳）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/deposit_payment.py" line="105"/>
        <source>Paid %1 · %2 · required %3</source>
        <translation>已缴 %1 · %2 · 应缴 %3</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/deposit_payment.py" line="108"/>
        <location filename="../../vendor_desktop/viewmodels/money/deposit_payment.py" line="123"/>
        <source>no tier yet</source>
        <translation>未达任何档位</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/deposit_payment.py" line="119"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/deposit_payment.py" line="140"/>
        <source>The deposit goes up to tier 3 (¥5,000.00): pay at most %1.</source>
        <translation>保证金最高为第 3 档（¥5,000.00），本次最多缴纳 %1。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/deposit_payment.py" line="146"/>
        <source>Balance too low: top up %1 first.</source>
        <translation>账户余额不足：还需充值 %1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/figures.py" line="160"/>
        <source>Deposit below tier %1: pay up to tier %1 (%2 more)</source>
        <translation>保证金未达第 %1 档：缴纳至第 %1 档（还需 %2）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/figures.py" line="169"/>
        <source>The agreements&apos; state arrives with the next sync.</source>
        <translation>协议签署情况将在下次同步后显示。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/figures.py" line="172"/>
        <source>Access agreement and revenue supplementary agreement signed.</source>
        <translation>接入协议和收益补充协议均已签署。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/figures.py" line="175"/>
        <source>Not signed yet: %1. Withdrawals need both agreements signed.</source>
        <translation>尚未签署：%1。提现需要两份协议均已签署。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/figures.py" line="183"/>
        <source>the access agreement</source>
        <translation>接入协议</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/figures.py" line="184"/>
        <source>the revenue supplementary agreement</source>
        <translation>收益补充协议</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/figures.py" line="191"/>
        <source>Sign %1</source>
        <translation>签署%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/figures.py" line="201"/>
        <source>%1 and %2</source>
        <translation>%1和%2</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/figures.py" line="219"/>
        <location filename="../../vendor_desktop/viewmodels/money/viewmodel.py" line="143"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/receipt.py" line="46"/>
        <source>Vendor</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/receipt.py" line="47"/>
        <source>Account ID</source>
        <translation>账号 ID</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/receipt.py" line="48"/>
        <location filename="../../vendor_desktop/viewmodels/money/small_tables.py" line="139"/>
        <source>Receipt number</source>
        <translation>凭证编号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/receipt.py" line="49"/>
        <location filename="../../vendor_desktop/viewmodels/money/small_tables.py" line="140"/>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawals_table.py" line="116"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/receipt.py" line="51"/>
        <location filename="../../vendor_desktop/viewmodels/money/small_tables.py" line="141"/>
        <source>Paid at</source>
        <translation>缴纳时间</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/receipt.py" line="55"/>
        <source>Deposit paid after</source>
        <translation>缴纳后已缴保证金</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/receipt.py" line="58"/>
        <location filename="../../vendor_desktop/viewmodels/money/small_tables.py" line="142"/>
        <source>Tier after</source>
        <translation>缴纳后档位</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/receipt.py" line="59"/>
        <location filename="../../vendor_desktop/viewmodels/money/small_tables.py" line="143"/>
        <source>Paid by</source>
        <translation>缴纳人</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/receipt.py" line="61"/>
        <source>Deposit receipt</source>
        <translation>保证金缴纳凭证</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/small_tables.py" line="83"/>
        <source>Market</source>
        <translation>类目市场</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/small_tables.py" line="84"/>
        <source>Pending settlement</source>
        <translation>待结算</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/small_tables.py" line="85"/>
        <source>Withdrawable</source>
        <translation>待提现金额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/small_tables.py" line="86"/>
        <location filename="../../vendor_desktop/viewmodels/money/viewmodel.py" line="176"/>
        <source>On hold</source>
        <translation>暂不可提现</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/small_tables.py" line="87"/>
        <source>Why on hold, and what releases it</source>
        <translation>原因与解除方式</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/small_tables.py" line="88"/>
        <source>Being withdrawn</source>
        <translation>提现中</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/small_tables.py" line="89"/>
        <source>Paid out</source>
        <translation>已提现</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/small_tables.py" line="90"/>
        <source>Owed</source>
        <translation>待扣回</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/small_tables.py" line="115"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/small_tables.py" line="144"/>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawals_table.py" line="122"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/small_tables.py" line="168"/>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawals_table.py" line="95"/>
        <source>Waiting to be sent to the marketplace</source>
        <translation>等待发送到云市场</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/viewmodel.py" line="148"/>
        <source>Balance</source>
        <translation>账户余额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/viewmodel.py" line="149"/>
        <source>Deposit paid</source>
        <translation>已缴保证金</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/viewmodel.py" line="150"/>
        <source>Deposit required</source>
        <translation>应缴保证金</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/viewmodel.py" line="151"/>
        <source>Deposit outstanding</source>
        <translation>待缴保证金</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/viewmodel.py" line="153"/>
        <source>Tier covered</source>
        <translation>已覆盖档位</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/viewmodel.py" line="154"/>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/viewmodel.py" line="164"/>
        <source>Markets covered</source>
        <translation>已覆盖的类目市场</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/viewmodel.py" line="166"/>
        <source>Revenue markets not covered</source>
        <translation>有收入但未覆盖的类目市场</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/viewmodel.py" line="175"/>
        <source>Withdrawable now</source>
        <translation>待提现金额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/viewmodel.py" line="190"/>
        <source>Not synced yet: the figures arrive with the first sync.</source>
        <translation>尚未同步：首次同步后显示资金数据。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/viewmodel.py" line="193"/>
        <source>As of the last sync, %1</source>
        <translation>截至上次同步：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/viewmodel.py" line="198"/>
        <source>No earnings yet. Paid orders bring earnings to their market.</source>
        <translation>暂无收益。订单支付后，收益计入其类目市场。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/viewmodel.py" line="203"/>
        <source>No withdrawals yet.</source>
        <translation>暂无提现。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/viewmodel.py" line="206"/>
        <source>No deposit paid yet.</source>
        <translation>尚未缴纳保证金。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/viewmodel.py" line="237"/>
        <source>Select a deposit payment to print its receipt.</source>
        <translation>请先选择一笔保证金缴纳记录。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/viewmodel.py" line="239"/>
        <source>The receipt comes once the marketplace has the payment.</source>
        <translation>云市场收到这笔缴纳后才有缴纳凭证。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawal.py" line="57"/>
        <source>Your role cannot withdraw earnings. Ask the main account or finance.</source>
        <translation>您的角色不能提现，请联系主账号或财务。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawal.py" line="61"/>
        <source>The earnings have not reached this computer yet. Sync first.</source>
        <translation>本机还没有收益数据，请先同步。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawal.py" line="91"/>
        <source>(after %1 already queued)</source>
        <translation>（已扣除待发送的 %1）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawal.py" line="101"/>
        <source>No bank account on file</source>
        <translation>尚未登记银行账户</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawal.py" line="109"/>
        <source>Expected %1 to %2 (%3–%4 working days)</source>
        <translation>预计 %1 至 %2 到账（%3–%4 个工作日）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawal.py" line="116"/>
        <source>— may move once next year&apos;s holidays are published</source>
        <translation>（次年节假日公布后可能调整）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawal.py" line="128"/>
        <source>%1 is on hold. %2</source>
        <translation>%1 暂不可提现。%2</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawal.py" line="147"/>
        <source>%1.</source>
        <translation>%1。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawal.py" line="155"/>
        <source>The deposit does not cover %1: pay up to tier %2 (%3 more) to release it.</source>
        <translation>保证金未覆盖%1：缴纳至第 %2 档（还需 %3）即可提现。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawal.py" line="176"/>
        <source>Withdrawals need both agreements signed. Not signed yet: %1.</source>
        <translation>提现需要两份协议均已签署。尚未签署：%1。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawal.py" line="170"/>
        <source>No bank account on file to receive the money. The main account adds it under Account.</source>
        <translation>尚未登记收款的银行账户，请主账号在账户信息中添加。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawal.py" line="193"/>
        <source>At most %1 can be withdrawn now.</source>
        <translation>当前最多可提现 %1。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawals_table.py" line="38"/>
        <source>(approximate)</source>
        <translation>（约）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawals_table.py" line="43"/>
        <source>The marketplace did not accept this change: %1</source>
        <translation>云市场未接受此修改：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawals_table.py" line="51"/>
        <source>Not accepted</source>
        <translation>云市场未接受</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawals_table.py" line="53"/>
        <source>Waiting for an earlier change</source>
        <translation>等待前一项</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawals_table.py" line="55"/>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawals_table.py" line="56"/>
        <source>Waiting to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawals_table.py" line="117"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawals_table.py" line="118"/>
        <source>Requested at</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawals_table.py" line="119"/>
        <source>Expected</source>
        <translation>预计到账</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawals_table.py" line="120"/>
        <source>Settled at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/withdrawals_table.py" line="121"/>
        <source>Bank account</source>
        <translation>银行账户</translation>
    </message>
</context>
<context>
    <name>OpenTicketDialog</name>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/open_dialog.py" line="104"/>
        <source>Attach files</source>
        <translation>上传附件</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/open_dialog.py" line="139"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/open_dialog.py" line="143"/>
        <source>Remove these files: they cannot be attached.</source>
        <translation>以上文件无法上传，请先移除。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/open_dialog.py" line="145"/>
        <source>A ticket takes at most 5 attachments.</source>
        <translation>每个工单最多 5 个附件。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/open_dialog.py" line="159"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/open_dialog.py" line="159"/>
        <location filename="../../vendor_desktop/ui/tickets/open_dialog.py" line="198"/>
        <source>Listing</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/open_dialog.py" line="187"/>
        <location filename="../../vendor_desktop/ui/tickets/open_dialog.py" line="188"/>
        <source>Open a ticket</source>
        <translation>提交工单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/open_dialog.py" line="198"/>
        <source>Type</source>
        <translation>工单类型</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/open_dialog.py" line="198"/>
        <source>Subject</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/open_dialog.py" line="198"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/open_dialog.py" line="198"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/open_dialog.py" line="202"/>
        <source>In one line, what it is about</source>
        <translation>一句话说明问题</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/open_dialog.py" line="203"/>
        <source>What happened, what you expected, and what you need</source>
        <translation>发生了什么、预期是什么、需要云市场做什么</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/open_dialog.py" line="204"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/open_dialog.py" line="205"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/open_dialog.py" line="208"/>
        <source>Up to 5 attachments, each a PNG, JPEG or PDF of at most 5 MB. The marketplace answers in Tickets and in Messages.</source>
        <translation>最多 5 个附件，每个为 PNG、JPEG 或 PDF，不超过 5 MB。云市场的回复会显示在工单和站内信中。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/open_dialog.py" line="212"/>
        <source>Open ticket</source>
        <translation>提交工单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/open_dialog.py" line="213"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <location filename="../../vendor_desktop/ui/orders/view.py" line="318"/>
        <source>Order details</source>
        <translation>订单详情</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/view.py" line="354"/>
        <source>Export orders</source>
        <translation>导出订单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/view.py" line="354"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/orders/view.py" line="254"/>
        <source>%Ln orders</source>
        <translation>
            <numerusform>共 %Ln 个订单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/orders/view.py" line="252"/>
        <source>%Ln orders · total %1</source>
        <translation>
            <numerusform>共 %Ln 个订单 · 合计 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/view.py" line="256"/>
        <source>The total adds up the amounts of the orders listed, as last synced with the marketplace.</source>
        <translation>合计为当前列出订单的金额之和，以最近一次与云市场同步的数据为准。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/view.py" line="265"/>
        <source>Write the orders listed to a CSV file.</source>
        <translation>将当前列出的订单导出为 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/view.py" line="268"/>
        <source>Show every order again.</source>
        <translation>清除全部筛选条件，显示所有订单。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/orders/view.py" line="359"/>
        <source>Exported %Ln orders to %1</source>
        <translation>
            <numerusform>已导出 %Ln 个订单到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/view.py" line="362"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/view.py" line="366"/>
        <source>Search order number, buyer or listing</source>
        <translation>搜索订单号、买家或商品</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/view.py" line="371"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/view.py" line="372"/>
        <source>All markets</source>
        <translation>全部市场</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/view.py" line="373"/>
        <source>Created between</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/view.py" line="376"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/view.py" line="377"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/view.py" line="378"/>
        <source>No orders match these filters.
Clear the filters or search for something else.</source>
        <translation>没有符合条件的订单。
请清除筛选条件或换个关键词搜索。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/view.py" line="379"/>
        <source>Select an order to see its details.</source>
        <translation>选择一个订单以查看详情。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/view.py" line="380"/>
        <source>Change price…</source>
        <translation>改价…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/view.py" line="381"/>
        <source>Dismiss</source>
        <translation>知道了</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/view.py" line="382"/>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
</context>
<context>
    <name>OrdersViewModel</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/table.py" line="102"/>
        <location filename="../../vendor_desktop/viewmodels/orders/viewmodel.py" line="297"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/table.py" line="103"/>
        <location filename="../../vendor_desktop/viewmodels/orders/viewmodel.py" line="300"/>
        <source>Listing</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/table.py" line="104"/>
        <location filename="../../vendor_desktop/viewmodels/orders/viewmodel.py" line="301"/>
        <source>Market</source>
        <translation>类目市场</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/table.py" line="105"/>
        <location filename="../../vendor_desktop/viewmodels/orders/viewmodel.py" line="306"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/table.py" line="106"/>
        <location filename="../../vendor_desktop/viewmodels/orders/viewmodel.py" line="299"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/table.py" line="107"/>
        <location filename="../../vendor_desktop/viewmodels/orders/viewmodel.py" line="291"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/table.py" line="108"/>
        <location filename="../../vendor_desktop/viewmodels/orders/viewmodel.py" line="311"/>
        <source>Created</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/table.py" line="161"/>
        <source>price change waiting to send</source>
        <translation>改价待发送</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/table.py" line="163"/>
        <source>price change not accepted</source>
        <translation>云市场未接受改价</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/table.py" line="176"/>
        <source>The marketplace did not accept this change (new price %1): %2 The price is still %3.</source>
        <translation>云市场未接受此修改（改价为 %1）：%2 价格仍为 %3。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/table.py" line="185"/>
        <source>The price change to %1 is waiting for an earlier change of this order, which the marketplace did not accept.</source>
        <translation>改价为 %1 的修改在等待前一项：云市场未接受此订单之前的一项修改。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/table.py" line="190"/>
        <source>Price change from %1 to %2 is waiting to send.</source>
        <translation>改价 %1 → %2 待发送。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/viewmodel.py" line="97"/>
        <source>list price %1</source>
        <translation>原价 %1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/viewmodel.py" line="256"/>
        <source>Sign in to change prices.</source>
        <translation>登录后才能改价。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/viewmodel.py" line="303"/>
        <source>Billing mode</source>
        <translation>计费方式</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/viewmodel.py" line="92"/>
        <source>%1% off (buyer pays %2%)</source>
        <translation>减 %1%（买家支付 %2%）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/viewmodel.py" line="211"/>
        <source>No filter is set.</source>
        <translation>当前没有筛选条件。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/viewmodel.py" line="307"/>
        <source>Buyer account ID</source>
        <translation>买家账号 ID</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/viewmodel.py" line="308"/>
        <source>Contact (masked)</source>
        <translation>联系方式（已隐藏）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/viewmodel.py" line="310"/>
        <source>Virtual number</source>
        <translation>虚拟号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/viewmodel.py" line="312"/>
        <source>Paid at</source>
        <translation>支付时间</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/viewmodel.py" line="313"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/viewmodel.py" line="369"/>
        <source>Read-only accounts cannot export orders.</source>
        <translation>只读账号不能导出订单。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/viewmodel.py" line="371"/>
        <source>An export is being written.</source>
        <translation>正在导出，请稍候。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/viewmodel.py" line="373"/>
        <source>No orders to export: no order matches these filters.</source>
        <translation>没有可导出的订单：没有订单符合当前筛选条件。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/date_ranges.py" line="48"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/date_ranges.py" line="49"/>
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/date_ranges.py" line="50"/>
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/detail.py" line="32"/>
        <source>The buyer has paid; it is delivered automatically.</source>
        <translation>买家已支付，由云市场自动交付。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/detail.py" line="33"/>
        <source>The buyer has paid; waiting for you to deliver.</source>
        <translation>买家已支付，等待您交付。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/detail.py" line="35"/>
        <source>Waiting for the buyer to pay; you can change the price until then.</source>
        <translation>等待买家付款，付款前可以改价。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/detail.py" line="38"/>
        <source>Being delivered; it completes when the buyer confirms, or after 7 days without an answer.</source>
        <translation>交付中，买家确认后完成；买家 7 天未确认则自动完成。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/detail.py" line="41"/>
        <source>The buyer cancelled, or did not pay in time.</source>
        <translation>买家已取消，或超时未支付。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/detail.py" line="42"/>
        <source>The buyer asked for a refund; it awaits a decision.</source>
        <translation>买家申请了退款，等待处理。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/detail.py" line="43"/>
        <source>The money went back to the buyer.</source>
        <translation>款项已退还买家。</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../../vendor_desktop/ui/money/overview.py" line="148"/>
        <source>Pay the deposit from the balance, up to a tier or an amount.</source>
        <translation>从账户余额缴纳保证金：缴至某一档，或自定金额。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/overview.py" line="151"/>
        <source>Withdraw earnings to the bank account on file.</source>
        <translation>将收益提现到已登记的银行账户。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/money/overview.py" line="154"/>
        <source>%n withdrawals</source>
        <translation>
            <numerusform>共 %n 笔提现</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/overview.py" line="162"/>
        <source>Print the selected payment&apos;s receipt.</source>
        <translation>打印所选缴纳记录的缴纳凭证。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/overview.py" line="163"/>
        <source>Save the selected payment&apos;s receipt as a PDF file.</source>
        <translation>将所选缴纳记录的缴纳凭证保存为 PDF 文件。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/overview.py" line="169"/>
        <source>Pay deposit…</source>
        <translation>缴纳保证金…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/overview.py" line="170"/>
        <source>Withdraw…</source>
        <translation>提现…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/overview.py" line="171"/>
        <source>Earnings by market</source>
        <translation>各类目市场收益</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/overview.py" line="172"/>
        <source>Withdrawals</source>
        <translation>提现记录</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/overview.py" line="173"/>
        <source>Deposit payments</source>
        <translation>保证金缴纳记录</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/overview.py" line="174"/>
        <source>Print receipt…</source>
        <translation>打印缴纳凭证…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/overview.py" line="175"/>
        <source>Save receipt as PDF…</source>
        <translation>缴纳凭证存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/overview.py" line="176"/>
        <source>No money figures on this computer yet. They arrive with the first sync.</source>
        <translation>本机还没有资金数据，首次同步后显示。</translation>
    </message>
</context>
<context>
    <name>PayDepositDialog</name>
    <message>
        <location filename="../../vendor_desktop/ui/money/deposit_dialog.py" line="91"/>
        <source>Pay deposit</source>
        <translation>缴纳保证金</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/deposit_dialog.py" line="92"/>
        <source>Pay the deposit from the balance</source>
        <translation>从账户余额缴纳保证金</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/deposit_dialog.py" line="94"/>
        <source>Balance</source>
        <translation>账户余额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/deposit_dialog.py" line="95"/>
        <source>Deposit now</source>
        <translation>当前保证金</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/deposit_dialog.py" line="96"/>
        <source>Pay up to</source>
        <translation>缴纳至</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/deposit_dialog.py" line="97"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/deposit_dialog.py" line="98"/>
        <source>Deposit after</source>
        <translation>缴纳后保证金</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/deposit_dialog.py" line="99"/>
        <source>Markets opened</source>
        <translation>新覆盖的类目市场</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/deposit_dialog.py" line="100"/>
        <source>Balance after</source>
        <translation>缴纳后余额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/deposit_dialog.py" line="111"/>
        <source>An amount I type</source>
        <translation>自定金额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/deposit_dialog.py" line="114"/>
        <source>Amount in yuan, e.g. 2000.00</source>
        <translation>金额（元），如 2000.00</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/deposit_dialog.py" line="117"/>
        <source>The payment is saved on this computer and sent to the marketplace as soon as it can be reached. The deposit is paid from the balance, in full or not at all: top up first if the balance is short.</source>
        <translation>缴纳保存在本机，能连上云市场时立即发送。保证金从账户余额中一次缴清，不能部分缴纳：余额不足时请先充值。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/deposit_dialog.py" line="120"/>
        <source>Pay</source>
        <translation>缴纳</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/deposit_dialog.py" line="121"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PriceChangeDialog</name>
    <message>
        <location filename="../../vendor_desktop/ui/orders/price_change_dialog.py" line="132"/>
        <source>Change order price</source>
        <translation>订单改价</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/price_change_dialog.py" line="133"/>
        <source>Change the price of an unpaid order</source>
        <translation>为待支付的订单改价</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/price_change_dialog.py" line="137"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/price_change_dialog.py" line="138"/>
        <source>Listing</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/price_change_dialog.py" line="139"/>
        <source>Current price</source>
        <translation>当前价格</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/price_change_dialog.py" line="140"/>
        <source>New price (¥)</source>
        <translation>新价格（元）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/price_change_dialog.py" line="141"/>
        <source>Reason</source>
        <translation>改价原因</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/price_change_dialog.py" line="146"/>
        <source>e.g. 88.00</source>
        <translation>例如 88.00</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/price_change_dialog.py" line="147"/>
        <source>e.g. agreed bulk price with the buyer</source>
        <translation>例如：与买家协商的批量价格</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/price_change_dialog.py" line="148"/>
        <source>I have checked the new price</source>
        <translation>我已确认新价格</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/price_change_dialog.py" line="151"/>
        <source>The change is saved on this computer and sent to the marketplace as soon as it can be reached. If the buyer pays first, the marketplace does not accept it and the order keeps its price.</source>
        <translation>改价会先保存在本机，一旦能连上云市场就立即发送。如果买家先支付，云市场不会接受此修改，订单价格保持不变。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/price_change_dialog.py" line="154"/>
        <source>Change price</source>
        <translation>确认改价</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders/price_change_dialog.py" line="155"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PriceChangeViewModel</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/price_change.py" line="66"/>
        <source>%1 less than now (%2)</source>
        <translation>比原价低 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/price_change.py" line="68"/>
        <source>%1 more than now (%2)</source>
        <translation>比原价高 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/price_change.py" line="85"/>
        <source>Your role cannot change prices. Ask the main account or an operations colleague.</source>
        <translation>您的角色不能改价，请联系主账号或运营同事。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/price_change.py" line="89"/>
        <source>Select an unpaid order first.</source>
        <translation>请先选择待支付的订单。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/price_change.py" line="91"/>
        <source>Only unpaid orders can change price; this one is %1.</source>
        <translation>只有待支付的订单可以改价；此订单为「%1」。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/price_change.py" line="119"/>
        <source>Enter an order number.</source>
        <translation>请输入订单号。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/price_change.py" line="123"/>
        <source>No order %1 on this computer. Sync, then try again.</source>
        <translation>本机没有订单 %1。请同步后再试。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/price_change.py" line="155"/>
        <source>Use at most two decimals (fen).</source>
        <translation>最多保留两位小数（精确到分）。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/price_change.py" line="158"/>
        <location filename="../../vendor_desktop/viewmodels/orders/price_change.py" line="169"/>
        <source>The price is too large.</source>
        <translation>价格过大。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/price_change.py" line="160"/>
        <source>Enter the new price in yuan, e.g. 88.00.</source>
        <translation>请输入以元为单位的新价格，例如 88.00。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/price_change.py" line="165"/>
        <source>The new price must be more than ¥0.00.</source>
        <translation>新价格必须大于 ¥0.00。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/price_change.py" line="171"/>
        <source>That is already the price.</source>
        <translation>这已经是当前价格。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/price_change.py" line="173"/>
        <source>The new price is less than half the current price. Check it, then tick the box to confirm.</source>
        <translation>新价格不到原价的一半。请核对后勾选“我已确认新价格”。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/price_change.py" line="179"/>
        <source>Say why, for the buyer and your colleagues.</source>
        <translation>请填写改价原因，方便买家和同事了解。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders/price_change.py" line="183"/>
        <source>Keep the reason under 200 characters.</source>
        <translation>原因请控制在 200 个字符以内。</translation>
    </message>
</context>
<context>
    <name>RecoveryNotice</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/recovery_notice.py" line="17"/>
        <source>The saved data on this computer was written by a newer version of Vendor Center. It was kept at %1 for that version and is being downloaded again from the marketplace.</source>
        <translation>本机保存的数据由更新版本的服务商管理后台写入，已保留在 %1 供该版本使用，正在从云市场重新下载。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/recovery_notice.py" line="22"/>
        <source>The saved data on this computer was damaged. It was moved to %1 and is being downloaded again from the marketplace.</source>
        <translation>本机保存的数据已损坏，已移至 %1，正在从云市场重新下载。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/recovery_notice.py" line="29"/>
        <source>1 change not yet sent was kept and will be sent.</source>
        <translation>1 项尚未发送的修改已保留，将自动发送。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/recovery_notice.py" line="32"/>
        <source>%1 changes not yet sent were kept and will be sent.</source>
        <translation>%1 项尚未发送的修改已保留，将自动发送。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/recovery_notice.py" line="38"/>
        <source>Changes not yet sent could not be read from it and may be lost.</source>
        <translation>无法从中读取尚未发送的修改，这些修改可能已丢失。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/recovery_notice.py" line="44"/>
        <source>1 change not yet sent could not be read and may be lost.</source>
        <translation>1 项尚未发送的修改无法读取，可能已丢失。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/recovery_notice.py" line="48"/>
        <source>%1 changes not yet sent could not be read and may be lost.</source>
        <translation>%1 项尚未发送的修改无法读取，可能已丢失。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/recovery_notice.py" line="53"/>
        <source>No change was waiting to send.</source>
        <translation>没有待发送的修改。</translation>
    </message>
</context>
<context>
    <name>RejectionBanner</name>
    <message>
        <location filename="../../vendor_desktop/ui/listings/detail_pane.py" line="77"/>
        <source>Edit and resubmit…</source>
        <translation>修改后重新提交…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/listings/detail_pane.py" line="78"/>
        <source>After saving your edits, click “Submit for review”.</source>
        <translation>保存修改后，点击“提交审核”。</translation>
    </message>
</context>
<context>
    <name>SessionViewModel</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/session.py" line="81"/>
        <source>You stay signed in: a sign-in token is kept in the system keychain.</source>
        <translation>将保持登录：登录凭证保存在系统钥匙串中（不保存密码）。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/session.py" line="84"/>
        <source>No secure keychain on this computer: you will be asked for your password each time.</source>
        <translation>本机没有安全的系统钥匙串：每次启动都需要输入密码。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/session.py" line="97"/>
        <source>The marketplace address must start with http:// or https://.</source>
        <translation>云市场地址须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/session.py" line="101"/>
        <source>Enter your account ID.</source>
        <translation>请输入账号 ID。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/session.py" line="103"/>
        <source>Enter your username.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/session.py" line="105"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/session.py" line="107"/>
        <source>A field is too long.</source>
        <translation>输入内容过长。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/session.py" line="166"/>
        <source>Please sign in.</source>
        <translation>请登录。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/session.py" line="193"/>
        <source>Cannot reach the marketplace. Check the address and your connection.</source>
        <translation>无法连接云市场，请检查地址和网络连接。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/session.py" line="198"/>
        <source>Wrong account ID, username or password.</source>
        <translation>账号 ID、用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/session.py" line="200"/>
        <source>Too many failed attempts. Wait 15 minutes and try again.</source>
        <translation>失败次数过多，请 15 分钟后再试。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/session.py" line="204"/>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
</context>
<context>
    <name>ShipmentDialog</name>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/shipment_dialog.py" line="142"/>
        <location filename="../../vendor_desktop/ui/invoices/shipment_dialog.py" line="188"/>
        <source>Correct shipment</source>
        <translation>更正快递单号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/shipment_dialog.py" line="142"/>
        <location filename="../../vendor_desktop/ui/invoices/shipment_dialog.py" line="188"/>
        <source>Record shipment</source>
        <translation>登记邮寄</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/shipment_dialog.py" line="144"/>
        <source>Correct the shipment of the invoice for order %1</source>
        <translation>更正订单 %1 的发票快递单号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/shipment_dialog.py" line="146"/>
        <source>Record the shipment of the invoice for order %1</source>
        <translation>登记订单 %1 的发票邮寄</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/shipment_dialog.py" line="159"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/shipment_dialog.py" line="159"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/shipment_dialog.py" line="160"/>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/shipment_dialog.py" line="161"/>
        <source>Tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/shipment_dialog.py" line="162"/>
        <source>Postage</source>
        <translation>邮费</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/shipment_dialog.py" line="163"/>
        <source>Reason</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/shipment_dialog.py" line="170"/>
        <source>Carrier&apos;s name</source>
        <translation>快递公司名称</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/shipment_dialog.py" line="171"/>
        <source>As on the waybill</source>
        <translation>与快递面单一致</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/shipment_dialog.py" line="172"/>
        <source>Postage paid</source>
        <translation>寄付</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/shipment_dialog.py" line="173"/>
        <source>Cash on delivery</source>
        <translation>到付</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/shipment_dialog.py" line="178"/>
        <source>e.g. the courier re-labelled the parcel</source>
        <translation>例如：快递公司重新打印了面单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/shipment_dialog.py" line="181"/>
        <source>The buyer sees the latest carrier and tracking number; the history keeps the one it replaces. Saved on this computer and sent as soon as the marketplace can be reached.</source>
        <translation>买家看到的是最新的快递公司和快递单号，处理记录会保留原来的单号。修改会先保存在本机，一旦能连上云市场就立即发送。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/shipment_dialog.py" line="185"/>
        <source>The buyer sees the carrier and the tracking number once the marketplace has them. Saved on this computer and sent as soon as the marketplace can be reached.</source>
        <translation>云市场收到后，买家即可看到快递公司和快递单号。修改会先保存在本机，一旦能连上云市场就立即发送。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/shipment_dialog.py" line="190"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../vendor_desktop/ui/core/sign_in_dialog.py" line="85"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/core/sign_in_dialog.py" line="85"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/core/sign_in_dialog.py" line="88"/>
        <location filename="../../vendor_desktop/ui/core/sign_in_dialog.py" line="89"/>
        <source>Sign in to Vendor Center</source>
        <translation>登录服务商管理后台</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/core/sign_in_dialog.py" line="91"/>
        <source>Marketplace address</source>
        <translation>云市场地址</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/core/sign_in_dialog.py" line="92"/>
        <source>Account ID</source>
        <translation>账号 ID</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/core/sign_in_dialog.py" line="93"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/core/sign_in_dialog.py" line="94"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/core/sign_in_dialog.py" line="99"/>
        <source>e.g. 2386611659434867</source>
        <translation>例如 2386611659434867</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/core/sign_in_dialog.py" line="100"/>
        <source>owner for the main account, or your sub-account&apos;s user name</source>
        <translation>主账号填 owner，子账号填其用户名</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/core/sign_in_dialog.py" line="103"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>StatementViewModel</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/statement.py" line="56"/>
        <source>Balance</source>
        <translation>账户余额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/statement.py" line="57"/>
        <source>Earnings · %1</source>
        <translation>收益 · %1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/statement.py" line="64"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/statement.py" line="65"/>
        <source>Opening balance</source>
        <translation>期初余额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/statement.py" line="66"/>
        <location filename="../../vendor_desktop/viewmodels/money/statement.py" line="103"/>
        <source>Movements</source>
        <translation>本月发生额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/statement.py" line="67"/>
        <source>Entries</source>
        <translation>笔数</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/statement.py" line="68"/>
        <source>Closing balance</source>
        <translation>期末余额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/statement.py" line="101"/>
        <source>Statement %1</source>
        <translation>对账单 %1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/statement.py" line="102"/>
        <source>Statement</source>
        <translation>对账单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/money/statement.py" line="114"/>
        <source>No money moved this month: each closing balance is its opening balance.</source>
        <translation>本月没有资金流水：期末余额等于期初余额。</translation>
    </message>
</context>
<context>
    <name>StatusBarMixin</name>
    <message>
        <location filename="../../vendor_desktop/ui/shell/status_bar.py" line="58"/>
        <source>Sync now (F5)</source>
        <translation>立即同步 (F5)</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/status_bar.py" line="66"/>
        <source>● Connecting…</source>
        <translation>● 正在连接…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/status_bar.py" line="67"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/status_bar.py" line="68"/>
        <source>● Offline</source>
        <translation>● 离线</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/status_bar.py" line="69"/>
        <source>● Syncing…</source>
        <translation>● 正在同步…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/status_bar.py" line="70"/>
        <source>● Sync error</source>
        <translation>● 同步出错</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/status_bar.py" line="82"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/status_bar.py" line="83"/>
        <source>Last synced: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/status_bar.py" line="89"/>
        <source>Offline — you are looking at the orders saved on this computer (last synced %1). Vendor Center reconnects by itself and syncs as soon as the marketplace can be reached.</source>
        <translation>离线——您正在查看保存在本机的订单（上次同步：%1）。能连上云市场时，服务商管理后台会自动重连并同步。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/shell/status_bar.py" line="97"/>
        <source>%Ln updates received</source>
        <translation>
            <numerusform>已接收 %Ln 项更新</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/shell/status_bar.py" line="109"/>
        <source>%n changes not accepted</source>
        <translation>
            <numerusform>云市场未接受 %n 项修改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/shell/status_bar.py" line="111"/>
        <source>%n changes waiting to send</source>
        <translation>
            <numerusform>%n 项修改待发送</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/shell/status_bar.py" line="123"/>
        <source>Vendor Center</source>
        <translation>服务商管理后台</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/core/sync_status.py" line="163"/>
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
</context>
<context>
    <name>TicketDetail</name>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/view.py" line="197"/>
        <source>Attachments (%1 of %2)</source>
        <translation>附件（%1/%2）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/view.py" line="210"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/view.py" line="211"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/view.py" line="212"/>
        <source>Attach…</source>
        <translation>上传附件…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/view.py" line="213"/>
        <source>Write a reply to the marketplace</source>
        <translation>回复云市场</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/view.py" line="214"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/view.py" line="215"/>
        <source>Urge</source>
        <translation>催单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/view.py" line="216"/>
        <source>Cancel ticket…</source>
        <translation>撤销工单…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/view.py" line="217"/>
        <source>Discard this change</source>
        <translation>放弃此修改</translation>
    </message>
</context>
<context>
    <name>TicketDraft</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/ticket_draft.py" line="47"/>
        <source>Please change the bank account on file.</source>
        <translation>请修改登记的银行账户。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/ticket_draft.py" line="49"/>
        <source>Current bank account:</source>
        <translation>当前银行账户：</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/ticket_draft.py" line="52"/>
        <source>New bank account:</source>
        <translation>新的银行账户：</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/ticket_draft.py" line="54"/>
        <source>Reason:</source>
        <translation>修改原因：</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/ticket_draft.py" line="56"/>
        <source>Change the bank account</source>
        <translation>修改银行账户</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/ticket_draft.py" line="102"/>
        <location filename="../../vendor_desktop/viewmodels/account/ticket_draft.py" line="108"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account/ticket_draft.py" line="104"/>
        <location filename="../../vendor_desktop/viewmodels/account/ticket_draft.py" line="110"/>
        <source>At most %1 characters.</source>
        <translation>最多 %1 个字。</translation>
    </message>
</context>
<context>
    <name>TicketDraftDialog</name>
    <message>
        <location filename="../../vendor_desktop/ui/account/ticket_draft_dialog.py" line="102"/>
        <source>Request a bank account change</source>
        <translation>申请修改银行账户</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/ticket_draft_dialog.py" line="103"/>
        <source>Ask the marketplace to change the bank account</source>
        <translation>请云市场修改银行账户</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/ticket_draft_dialog.py" line="106"/>
        <source>The bank account is locked because the revenue supplementary agreement is signed: only the marketplace can change it, through a ticket. Submit it and follow the marketplace&apos;s answer in Tickets; or save the draft on this computer to finish it later.</source>
        <translation>已签署收益补充协议，银行账户已锁定，只能由云市场通过工单修改。提交工单后，可在“工单”中查看云市场的回复；也可以先把草稿保存在本机，稍后再提交。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/ticket_draft_dialog.py" line="110"/>
        <source>Ticket type</source>
        <translation>工单类型</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/ticket_draft_dialog.py" line="110"/>
        <source>Subject</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/ticket_draft_dialog.py" line="110"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/ticket_draft_dialog.py" line="113"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/ticket_draft_dialog.py" line="115"/>
        <source>A draft saved earlier on this computer is shown. Start over for a fresh one.</source>
        <translation>显示的是之前保存在本机的草稿。点“重新填写”可以从头开始。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/ticket_draft_dialog.py" line="117"/>
        <source>Fill in the new account&apos;s details and why, then submit the ticket.</source>
        <translation>填写新账户信息和修改原因，然后提交工单。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/ticket_draft_dialog.py" line="119"/>
        <source>Submit ticket</source>
        <translation>提交工单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/ticket_draft_dialog.py" line="120"/>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/ticket_draft_dialog.py" line="121"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/account/ticket_draft_dialog.py" line="122"/>
        <source>Start over</source>
        <translation>重新填写</translation>
    </message>
</context>
<context>
    <name>TicketsView</name>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/view.py" line="302"/>
        <location filename="../../vendor_desktop/ui/tickets/view.py" line="304"/>
        <source>Cancel ticket</source>
        <translation>撤销工单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/view.py" line="303"/>
        <source>Cancel the ticket “%1”? The marketplace stops working on it.</source>
        <translation>撤销工单“%1”？撤销后云市场不再处理。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/view.py" line="305"/>
        <source>Keep it</source>
        <translation>暂不撤销</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/view.py" line="311"/>
        <source>Attach files</source>
        <translation>上传附件</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/view.py" line="331"/>
        <source>Save attachment</source>
        <translation>保存附件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/tickets/view.py" line="380"/>
        <source>%n tickets</source>
        <translation>
            <numerusform>%n 个工单</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/view.py" line="393"/>
        <source>Search subject</source>
        <translation>搜索标题</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/view.py" line="394"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/view.py" line="395"/>
        <source>Open a ticket…</source>
        <translation>提交工单…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/open_dialog.py" line="34"/>
        <source>Images and PDF (*.png *.jpg *.jpeg *.pdf)</source>
        <translation>图片和 PDF (*.png *.jpg *.jpeg *.pdf)</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/tickets/open_dialog.py" line="35"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>TicketsViewModel</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/conversation.py" line="49"/>
        <source>Marketplace</source>
        <translation>云市场</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/conversation.py" line="51"/>
        <source>Marketplace (%1)</source>
        <translation>云市场（%1）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/conversation.py" line="98"/>
        <location filename="../../vendor_desktop/viewmodels/tickets/viewmodel.py" line="225"/>
        <source>Select a ticket.</source>
        <translation>请先选择一个工单。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/conversation.py" line="101"/>
        <source>It can be urged once the marketplace has the ticket.</source>
        <translation>工单送达云市场后才能催单。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/conversation.py" line="104"/>
        <source>The marketplace has answered: it is your turn to reply.</source>
        <translation>云市场已回复，等您回复。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/conversation.py" line="107"/>
        <location filename="../../vendor_desktop/viewmodels/tickets/viewmodel.py" line="227"/>
        <location filename="../../vendor_desktop/viewmodels/tickets/viewmodel.py" line="252"/>
        <source>This ticket is closed.</source>
        <translation>工单已结束。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/conversation.py" line="114"/>
        <source>Your urge is waiting to be sent.</source>
        <translation>催单待发送。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/conversation.py" line="122"/>
        <source>Urged in the last 24 hours: you can urge again at %1.</source>
        <translation>24 小时内已催单，%1 后可再次催单。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/table.py" line="48"/>
        <source>Order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/table.py" line="56"/>
        <source>The marketplace did not accept this change: %1</source>
        <translation>云市场未接受此修改：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/table.py" line="60"/>
        <source>Waits for an earlier change of this ticket that the marketplace did not accept.</source>
        <translation>此工单的前一项修改未被云市场接受，此修改在等待。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/table.py" line="63"/>
        <source>Waiting to be sent to the marketplace.</source>
        <translation>等待发送到云市场。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/table.py" line="68"/>
        <source>Not accepted</source>
        <translation>云市场未接受</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/table.py" line="70"/>
        <source>Waiting for an earlier change</source>
        <translation>等待前一项</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/table.py" line="71"/>
        <source>Waiting to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/table.py" line="187"/>
        <source>Subject</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/table.py" line="188"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/table.py" line="189"/>
        <source>About</source>
        <translation>关联</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/table.py" line="190"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/table.py" line="191"/>
        <source>Last activity</source>
        <translation>最近更新</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/files.py" line="35"/>
        <source>Larger than %1: attach a smaller file.</source>
        <translation>超过 %1，请上传更小的文件。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/files.py" line="39"/>
        <source>Not a PNG, JPEG or PDF file.</source>
        <translation>不是 PNG、JPEG 或 PDF 文件。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/files.py" line="40"/>
        <source>Cannot read this file: %1</source>
        <translation>无法读取此文件：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/files.py" line="45"/>
        <source>A ticket takes at most %1 attachments; %2 more can be added.</source>
        <translation>每个工单最多 %1 个附件，还可添加 %2 个。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/viewmodel.py" line="116"/>
        <source>Your role can read tickets but not open or answer them.</source>
        <translation>您的角色可以查看工单，但不能提交或回复。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/viewmodel.py" line="139"/>
        <source>No tickets match the search or state. Clear them to see every ticket.</source>
        <translation>没有符合搜索或状态的工单。清除条件可查看全部工单。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/viewmodel.py" line="142"/>
        <source>No tickets yet. When you need the marketplace&apos;s help with a listing, an order or your account, use “Open a ticket…”.</source>
        <translation>暂无工单。商品、订单或账户需要云市场协助时，点“提交工单…”。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/viewmodel.py" line="186"/>
        <source>opened by %1 at %2</source>
        <translation>%1 提交于 %2</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/viewmodel.py" line="211"/>
        <source>You can urge again at %1.</source>
        <translation>%1 后可再次催单。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/viewmodel.py" line="243"/>
        <source>The marketplace does not have this ticket yet. To take it back, discard it in Pending changes.</source>
        <translation>工单尚未送达云市场。如需收回，请在“待发送的修改”中放弃。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/viewmodel.py" line="248"/>
        <source>Cancelling it is already waiting to send.</source>
        <translation>撤销已在等待发送。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/viewmodel.py" line="278"/>
        <source>Say in one line what it is about (at most %1 characters).</source>
        <translation>用一行说明问题（最多 %1 个字）。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/viewmodel.py" line="282"/>
        <source>Describe the problem (at most %1 characters).</source>
        <translation>请描述问题（最多 %1 个字）。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/viewmodel.py" line="286"/>
        <source>Choose the order it is about.</source>
        <translation>请选择相关订单。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/viewmodel.py" line="288"/>
        <source>Choose the listing it is about.</source>
        <translation>请选择相关商品。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/viewmodel.py" line="326"/>
        <source>Write your reply (at most %1 characters).</source>
        <translation>请填写回复（最多 %1 个字）。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/viewmodel.py" line="411"/>
        <source>This file is not at the marketplace yet.</source>
        <translation>文件尚未上传到云市场。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/tickets/viewmodel.py" line="418"/>
        <source>Could not get the file: %1</source>
        <translation>无法获取文件：%1</translation>
    </message>
</context>
<context>
    <name>TrackingImport</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_export.py" line="52"/>
        <source>Tracking numbers</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_export.py" line="78"/>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_table.py" line="91"/>
        <source>Row</source>
        <extracomment>A command&apos;s state as read: (state, error code, message, its Chinese); None once discarded.</extracomment>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_export.py" line="84"/>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_table.py" line="96"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_export.py" line="85"/>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_table.py" line="99"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_preview.py" line="88"/>
        <source>The file has no column for %1. Its first row must name the columns: order number (or invoice ID), carrier and tracking number. Download the template to see one.</source>
        <translation>文件缺少“%1”列。第一行须写明列名：订单号（或发票 ID）、快递公司、快递单号。可下载模板参考。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_preview.py" line="94"/>
        <source>Old Excel files (.xls) cannot be read. Save it as .xlsx or CSV, then import it.</source>
        <translation>无法读取旧版 Excel 文件（.xls）。请另存为 .xlsx 或 CSV 后再导入。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_preview.py" line="98"/>
        <source>The text encoding of this CSV file is unclear. Save it from Excel as “CSV UTF-8” or as .xlsx, then import it.</source>
        <translation>无法确定此 CSV 文件的文字编码。请在 Excel 中另存为“CSV UTF-8”或 .xlsx 后再导入。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_preview.py" line="103"/>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_preview.py" line="105"/>
        <source>The file names its columns but has no rows under them.</source>
        <translation>文件只有列名，没有数据行。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_preview.py" line="107"/>
        <source>The file has more than %1 rows. Split it into smaller files.</source>
        <translation>文件超过 %1 行。请拆分成较小的文件。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_preview.py" line="110"/>
        <source>This file could not be read. Is it open in another program, or damaged? (%1)</source>
        <translation>无法读取此文件。是否已在其他程序中打开，或文件已损坏？（%1）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_table.py" line="98"/>
        <source>Check</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="26"/>
        <source>Ready</source>
        <extracomment>The verdicts in the order the counts list them.</extracomment>
        <translation>可导入</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="27"/>
        <source>Needs fixing</source>
        <translation>需修改</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="28"/>
        <source>Unknown invoice</source>
        <translation>未找到发票</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="29"/>
        <source>Already shipped</source>
        <translation>已寄出</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="30"/>
        <source>Not issued yet</source>
        <translation>未开票</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="31"/>
        <source>Revoked by buyer</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="32"/>
        <source>Already queued</source>
        <translation>已在待发送</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="33"/>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="34"/>
        <source>No cash on delivery</source>
        <translation>不可到付</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="54"/>
        <location filename="../../vendor_desktop/viewmodels/invoices/tracking_import.py" line="227"/>
        <source>Check the number</source>
        <translation>核对单号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="67"/>
        <source>Postage paid</source>
        <translation>寄付</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="69"/>
        <source>Cash on delivery</source>
        <translation>到付</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="75"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="76"/>
        <source>Invoice ID</source>
        <translation>发票 ID</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="77"/>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="78"/>
        <source>Tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="79"/>
        <source>Postage</source>
        <translation>邮费</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="97"/>
        <source>There is no order number or invoice ID.</source>
        <translation>缺少订单号或发票 ID。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="98"/>
        <source>The spreadsheet turned the order number into the number %1 and lost digits. Format the column as text and enter the number again.</source>
        <translation>表格把订单号变成了数字 %1，位数已丢失。请把该列设为文本格式，重新填写订单号。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="102"/>
        <source>The carrier is empty.</source>
        <translation>快递公司为空。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="103"/>
        <source>The carrier “%1” is longer than 20 characters.</source>
        <translation>快递公司“%1”超过 20 个字。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="106"/>
        <source>The tracking number is empty.</source>
        <translation>快递单号为空。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="107"/>
        <source>The spreadsheet turned the tracking number into the number %1 and lost digits. Format the column as text and enter the number again.</source>
        <translation>表格把快递单号变成了数字 %1，位数已丢失。请把该列设为文本格式，重新填写单号。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="111"/>
        <source>The tracking number “%1” is not 6–40 letters, digits or hyphens.</source>
        <translation>快递单号“%1”不是 6–40 位字母、数字或连字符。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="114"/>
        <source>The postage “%1” is neither “postage paid” nor “cash on delivery”.</source>
        <translation>邮费“%1”既不是“寄付”也不是“到付”。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="135"/>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="147"/>
        <source>No invoice %1 on this computer. Sync, then import the file again.</source>
        <translation>本机没有发票 %1。同步后再导入此文件。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="151"/>
        <source>No invoice for order %1 on this computer. Sync, then import the file again.</source>
        <translation>本机没有订单 %1 的发票。同步后再导入此文件。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="156"/>
        <source>The invoice of order %1 is already shipped.</source>
        <translation>订单 %1 的发票已寄出。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="160"/>
        <source>The invoice of order %1 is not issued yet. Issue it first, then import the file again.</source>
        <translation>订单 %1 的发票尚未开票。先开票，再导入此文件。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="164"/>
        <source>The buyer revoked the invoice of order %1.</source>
        <translation>买家已撤销订单 %1 的发票。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="169"/>
        <source>The marketplace did not accept an earlier shipment for order %1. Settle it in Pending changes first.</source>
        <translation>云市场未接受订单 %1 之前的寄出信息。请先在“待发送的修改”中处理。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="174"/>
        <source>A shipment for order %1 is already in Pending changes.</source>
        <translation>订单 %1 的寄出信息已在“待发送的修改”中。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="181"/>
        <source>The same shipment as row %1: imported once.</source>
        <translation>与第 %1 行相同，只导入一次。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="183"/>
        <source>Order %2 is also on row %1 with another shipment. Nothing is imported for it: keep one row and import again.</source>
        <translation>订单 %2 在第 %1 行还有另一条寄出信息，均不导入。只保留一行后再导入。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="190"/>
        <source>Cash on delivery is only for invoices under ¥50.00; this one is %1. Use postage paid.</source>
        <translation>满 ¥50.00 的发票不能到付，这张是 %1。请改为寄付。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="195"/>
        <source>The tracking number does not look like a %1 number. Check it: it is sent as it is.</source>
        <translation>快递单号不像%1的单号，请核对。导入时按原样发送。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="205"/>
        <source>Waiting to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="206"/>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="208"/>
        <source>Waiting for an earlier change</source>
        <translation>等待前一项</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="211"/>
        <source>Shipped</source>
        <translation>已寄出</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="212"/>
        <source>Not accepted</source>
        <translation>云市场未接受</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="215"/>
        <source>Discarded</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="220"/>
        <location filename="../../vendor_desktop/viewmodels/invoices/tracking_import.py" line="244"/>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/import_words.py" line="225"/>
        <source>The marketplace did not accept this change: %1</source>
        <translation>云市场未接受此修改：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/tracking_import.py" line="122"/>
        <source>This file is imported.</source>
        <extracomment>Command states after which a row&apos;s result no longer changes.</extracomment>
        <translation>此文件已导入。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/tracking_import.py" line="124"/>
        <source>Choose a file first.</source>
        <translation>请先选择文件。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/tracking_import.py" line="126"/>
        <source>No row is ready to import: each row&apos;s note says why.</source>
        <translation>没有可导入的行，原因见各行说明。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/tracking_import.py" line="218"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/tracking_import.py" line="255"/>
        <source>%1 results</source>
        <translation>%1 导入结果</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/invoices/tracking_import.py" line="278"/>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
</context>
<context>
    <name>TrackingImportDialog</name>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="112"/>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="196"/>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="197"/>
        <source>Import tracking numbers</source>
        <translation>导入快递单号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="131"/>
        <source>Download template</source>
        <translation>下载模板</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="142"/>
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="133"/>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="142"/>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="114"/>
        <source>Spreadsheets (*.csv *.xlsx *.txt)</source>
        <translation>表格文件 (*.csv *.xlsx *.txt)</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="114"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="128"/>
        <source>tracking-numbers-template</source>
        <translation>快递单号导入模板</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="133"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="152"/>
        <source>%n rows in %1</source>
        <translation>
            <numerusform>%1 共 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="154"/>
        <source>No file chosen yet.</source>
        <translation>尚未选择文件。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="164"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="166"/>
        <source>Every row is ready.</source>
        <translation>每一行都可导入。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="170"/>
        <source>Choose a CSV or Excel file from your courier: its rows and what will happen to each show here.</source>
        <translation>选择快递公司导出的 CSV 或 Excel 文件，这里会列出每一行及其处理结果。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="175"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="175"/>
        <source>Import %n rows</source>
        <translation>
            <numerusform>导入 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="179"/>
        <source>Choose a file first.</source>
        <translation>请先选择文件。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="192"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="200"/>
        <source>A CSV or Excel file with a column for the order number (or invoice ID), the carrier and the tracking number, and optionally the postage: postage paid when empty, or cash on delivery. Nothing is sent until you import the rows that are ready.</source>
        <translation>CSV 或 Excel 文件，须有订单号（或发票 ID）、快递公司、快递单号三列；邮费列可选，不填为寄付，也可填到付。导入可导入的行之前，不会发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="203"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="204"/>
        <source>Download template…</source>
        <translation>下载模板…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="205"/>
        <source>Only rows that need a look</source>
        <translation>只看需处理的行</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="206"/>
        <source>Export results…</source>
        <translation>导出结果…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="207"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>VendorCenter</name>
    <message>
        <location filename="../../vendor_desktop/signing_in.py" line="64"/>
        <source>The demo marketplace did not start: %1</source>
        <translation>演示云市场未能启动：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/app.py" line="135"/>
        <source>Your sign-in has expired.</source>
        <translation>登录已过期，请重新登录。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/signing_in.py" line="91"/>
        <source>Embedded demo marketplace at %1</source>
        <translation>内置演示云市场（%1）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/app.py" line="216"/>
        <source>Changes not saved</source>
        <translation>修改未保存</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location filename="../../vendor_desktop/ui/money/withdraw_dialog.py" line="60"/>
        <location filename="../../vendor_desktop/ui/money/withdraw_dialog.py" line="81"/>
        <source>Withdraw</source>
        <translation>提现</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/withdraw_dialog.py" line="61"/>
        <source>Withdraw earnings to the bank account</source>
        <translation>将收益提现到银行账户</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/withdraw_dialog.py" line="63"/>
        <source>Withdrawable</source>
        <translation>待提现金额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/withdraw_dialog.py" line="64"/>
        <source>On hold</source>
        <translation>暂不可提现</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/withdraw_dialog.py" line="65"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/withdraw_dialog.py" line="66"/>
        <source>Bank account</source>
        <translation>银行账户</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/withdraw_dialog.py" line="67"/>
        <source>Expected</source>
        <translation>预计到账</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/withdraw_dialog.py" line="75"/>
        <source>Amount in yuan</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/withdraw_dialog.py" line="78"/>
        <source>The request is saved on this computer and sent to the marketplace as soon as it can be reached. The money goes to the bank account on file.</source>
        <translation>提现申请保存在本机，能连上云市场时立即发送。款项汇入已登记的银行账户。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/money/withdraw_dialog.py" line="82"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
