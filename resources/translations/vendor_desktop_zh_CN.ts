<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountViewModel</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/account.py" line="39"/>
        <source>Account ID %1</source>
        <translation>账号 ID %1</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard_view.py" line="63"/>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard_view.py" line="65"/>
        <source>Unpaid orders</source>
        <translation>待支付订单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard_view.py" line="66"/>
        <source>Orders today</source>
        <translation>今日订单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard_view.py" line="67"/>
        <source>Paid today</source>
        <translation>今日已收款</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard_view.py" line="68"/>
        <source>Being delivered</source>
        <translation>交付中</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard_view.py" line="69"/>
        <source>Unread messages</source>
        <translation>未读消息</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/dashboard_view.py" line="70"/>
        <source>Listings on sale</source>
        <translation>在售商品</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/labels.py" line="13"/>
        <source>Unpaid</source>
        <translation>已下单未支付</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/labels.py" line="14"/>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/labels.py" line="15"/>
        <source>Delivering</source>
        <translation>交付中</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/labels.py" line="16"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/labels.py" line="17"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/labels.py" line="18"/>
        <source>Refunding</source>
        <translation>退款中</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/labels.py" line="19"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/labels.py" line="27"/>
        <source>Owner</source>
        <translation>主账号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/labels.py" line="28"/>
        <source>Operations</source>
        <translation>运营</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/labels.py" line="29"/>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/labels.py" line="30"/>
        <source>Support</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/labels.py" line="31"/>
        <source>Viewer</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/labels.py" line="38"/>
        <source>Pay as you go</source>
        <translation>按需</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/labels.py" line="39"/>
        <source>Monthly</source>
        <translation>包月</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/labels.py" line="40"/>
        <source>Yearly</source>
        <translation>包年</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../vendor_desktop/ui/main_window.py" line="169"/>
        <source>● Connecting…</source>
        <translation>● 正在连接…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/main_window.py" line="170"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/main_window.py" line="171"/>
        <source>● Offline</source>
        <translation>● 离线</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/main_window.py" line="172"/>
        <source>● Syncing…</source>
        <translation>● 正在同步…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/main_window.py" line="173"/>
        <source>● Sync error</source>
        <translation>● 同步出错</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/main_window.py" line="185"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/main_window.py" line="186"/>
        <source>Last synced: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/main_window.py" line="192"/>
        <source>Offline — you are looking at the orders saved on this computer (last synced %1). Vendor Center reconnects by itself and syncs as soon as the marketplace can be reached.</source>
        <translation>离线——您正在查看保存在本机的订单（上次同步：%1）。能连上云市场时，服务商管理后台会自动重连并同步。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/main_window.py" line="200"/>
        <source>%1 changes received</source>
        <translation>已接收 %1 条变更</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/main_window.py" line="206"/>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/main_window.py" line="206"/>
        <source>Orders</source>
        <translation>订单管理</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/main_window.py" line="206"/>
        <source>Messages</source>
        <translation>站内信</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/main_window.py" line="216"/>
        <source>Vendor Center</source>
        <translation>服务商管理后台</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/main_window.py" line="220"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/main_window.py" line="221"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/main_window.py" line="222"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/main_window.py" line="223"/>
        <source>Find orders</source>
        <translation>查找订单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/main_window.py" line="224"/>
        <source>Export orders to CSV…</source>
        <translation>导出订单为 CSV…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/main_window.py" line="225"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/main_window.py" line="226"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/main_window.py" line="227"/>
        <source>Sync now (F5)</source>
        <translation>立即同步 (F5)</translation>
    </message>
</context>
<context>
    <name>MessagesView</name>
    <message>
        <location filename="../../vendor_desktop/ui/messages_view.py" line="81"/>
        <source>Select a message to read it.</source>
        <translation>选择一条消息以阅读。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/messages_view.py" line="91"/>
        <source>No messages yet. New orders and payments will show up here.</source>
        <translation>暂无消息。新订单和付款通知会显示在这里。</translation>
    </message>
</context>
<context>
    <name>MessagesViewModel</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/messages.py" line="24"/>
        <source>New order</source>
        <extracomment>Data role that tells the view to show a row as unread (bold); the view owns fonts.</extracomment>
        <translation>新订单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/messages.py" line="25"/>
        <source>Order paid</source>
        <translation>订单已支付</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/messages.py" line="27"/>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/messages.py" line="53"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/messages.py" line="54"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/messages.py" line="55"/>
        <source>Message</source>
        <translation>消息内容</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/messages.py" line="65"/>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/messages.py" line="67"/>
        <source>Read</source>
        <translation>已读</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/orders_view.py" line="184"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>共 %n 个订单</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders_view.py" line="200"/>
        <source>Order details</source>
        <translation>订单详情</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders_view.py" line="218"/>
        <source>Export orders</source>
        <translation>导出订单</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders_view.py" line="218"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders_view.py" line="224"/>
        <source>Exported %1 orders to %2</source>
        <translation>已导出 %1 个订单到 %2</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders_view.py" line="228"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders_view.py" line="232"/>
        <source>Search order number, buyer or listing</source>
        <translation>搜索订单号、买家或商品</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders_view.py" line="233"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders_view.py" line="234"/>
        <source>All markets</source>
        <translation>全部市场</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders_view.py" line="235"/>
        <source>Created between</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders_view.py" line="236"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders_view.py" line="237"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders_view.py" line="239"/>
        <source>No orders match these filters.
Clear the filters or search for something else.</source>
        <translation>没有符合条件的订单。
请清除筛选条件或换个关键词搜索。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/orders_view.py" line="241"/>
        <source>Select an order to see its details.</source>
        <translation>选择一个订单以查看详情。</translation>
    </message>
</context>
<context>
    <name>OrdersViewModel</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders.py" line="62"/>
        <location filename="../../vendor_desktop/viewmodels/orders.py" line="187"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders.py" line="63"/>
        <location filename="../../vendor_desktop/viewmodels/orders.py" line="190"/>
        <source>Listing</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders.py" line="64"/>
        <location filename="../../vendor_desktop/viewmodels/orders.py" line="191"/>
        <source>Market</source>
        <translation>类目市场</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders.py" line="65"/>
        <location filename="../../vendor_desktop/viewmodels/orders.py" line="196"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders.py" line="66"/>
        <location filename="../../vendor_desktop/viewmodels/orders.py" line="189"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders.py" line="67"/>
        <location filename="../../vendor_desktop/viewmodels/orders.py" line="188"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders.py" line="68"/>
        <location filename="../../vendor_desktop/viewmodels/orders.py" line="201"/>
        <source>Created</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders.py" line="193"/>
        <source>Billing mode</source>
        <translation>计费方式</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders.py" line="197"/>
        <source>Buyer account</source>
        <translation>买家账号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders.py" line="198"/>
        <source>Contact (masked)</source>
        <translation>联系方式（已隐藏）</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders.py" line="200"/>
        <source>Virtual number</source>
        <translation>虚拟号</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/orders.py" line="202"/>
        <source>Paid at</source>
        <translation>支付时间</translation>
    </message>
</context>
<context>
    <name>SessionViewModel</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/session.py" line="77"/>
        <source>You stay signed in: a sign-in token is kept in the system keychain.</source>
        <translation>将保持登录：登录凭证保存在系统钥匙串中（不保存密码）。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/session.py" line="80"/>
        <source>No secure keychain on this computer: you will be asked for your password each time.</source>
        <translation>本机没有安全的系统钥匙串：每次启动都需要输入密码。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/session.py" line="93"/>
        <source>The backend address must start with http:// or https://.</source>
        <translation>云市场地址须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/session.py" line="97"/>
        <source>Enter your account ID.</source>
        <translation>请输入账号 ID。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/session.py" line="99"/>
        <source>Enter your username.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/session.py" line="101"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/session.py" line="103"/>
        <source>A field is too long.</source>
        <translation>输入内容过长。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/session.py" line="165"/>
        <source>Please sign in.</source>
        <translation>请登录。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/session.py" line="194"/>
        <source>Cannot reach the marketplace. Check the address and your connection.</source>
        <translation>无法连接云市场，请检查地址和网络连接。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/session.py" line="199"/>
        <source>Wrong account ID, username or password.</source>
        <translation>账号 ID、用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/session.py" line="201"/>
        <source>Too many failed attempts. Wait 15 minutes and try again.</source>
        <translation>失败次数过多，请 15 分钟后再试。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/viewmodels/session.py" line="205"/>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../vendor_desktop/ui/sign_in_dialog.py" line="86"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/sign_in_dialog.py" line="86"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/sign_in_dialog.py" line="89"/>
        <location filename="../../vendor_desktop/ui/sign_in_dialog.py" line="90"/>
        <source>Sign in to Vendor Center</source>
        <translation>登录服务商管理后台</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/sign_in_dialog.py" line="92"/>
        <source>Marketplace address</source>
        <translation>云市场地址</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/sign_in_dialog.py" line="93"/>
        <source>Account ID</source>
        <translation>账号 ID</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/sign_in_dialog.py" line="94"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/sign_in_dialog.py" line="95"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/sign_in_dialog.py" line="100"/>
        <source>e.g. V20261126</source>
        <translation>例如 2386611659434867</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/sign_in_dialog.py" line="101"/>
        <source>owner, or your sub-account name</source>
        <translation>主账号填 owner，或填子账号用户名</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/ui/sign_in_dialog.py" line="104"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../vendor_desktop/viewmodels/sync_status.py" line="151"/>
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
</context>
<context>
    <name>VendorCenter</name>
    <message>
        <location filename="../../vendor_desktop/app.py" line="146"/>
        <source>The demo marketplace did not start: %1</source>
        <extracomment>The embedded sandbox listens on a new port each launch; its cache is named by this key instead, so the demo&apos;s cached orders survive restarts.</extracomment>
        <translation>演示云市场未能启动：%1</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/app.py" line="183"/>
        <source>The saved data on this computer was damaged. It was moved to %1 and is being downloaded again from the marketplace.</source>
        <translation>本机保存的数据已损坏，已移至 %1，正在从云市场重新下载。</translation>
    </message>
    <message>
        <location filename="../../vendor_desktop/app.py" line="194"/>
        <source>Your sign-in has expired.</source>
        <translation>登录已过期，请重新登录。</translation>
    </message>
</context>
</TS>
