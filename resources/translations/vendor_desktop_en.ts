<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ListingsView</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/listings/view.py" line="134"/>
        <source>%n listings</source>
        <translation>
            <numerusform>%n listing</numerusform>
            <numerusform>%n listings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/shell/main_window.py" line="166"/>
        <source>%n change(s) have not reached the marketplace yet. They are kept on this computer and sent the next time you start Vendor Center. Quit now?</source>
        <translation>
            <numerusform>%n change has not reached the marketplace yet. It is kept on this computer and sent the next time you start Vendor Center. Quit now?</numerusform>
            <numerusform>%n changes have not reached the marketplace yet. They are kept on this computer and sent the next time you start Vendor Center. Quit now?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessagesView</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/messages/view.py" line="182"/>
        <source>%n messages</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/messages/view.py" line="198"/>
        <source>Mark %n unread messages as read</source>
        <translation>
            <numerusform>Mark %n unread message as read</numerusform>
            <numerusform>Mark %n unread messages as read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/orders/view.py" line="190"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBarMixin</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/shell/status_bar.py" line="109"/>
        <source>%n change(s) refused</source>
        <translation>
            <numerusform>%n change not accepted</numerusform>
            <numerusform>%n changes not accepted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/shell/status_bar.py" line="111"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
</context>
</TS>
