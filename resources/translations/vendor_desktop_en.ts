<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChangesView</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/changes/view.py" line="112"/>
        <source>%n changes</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/dashboard/view.py" line="283"/>
        <source>Due within %n working days</source>
        <translation>
            <numerusform>Due within %n working day</numerusform>
            <numerusform>Due within %n working days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiscountsView</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/discounts/view.py" line="101"/>
        <source>%n discounts</source>
        <translation>
            <numerusform>%n discount</numerusform>
            <numerusform>%n discounts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InvoiceReminder</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/viewmodels/dashboard/invoice_reminder.py" line="124"/>
        <source>%n invoices are due on the next working day</source>
        <translation>
            <numerusform>%n invoice is due on the next working day</numerusform>
            <numerusform>%n invoices are due on the next working day</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InvoicesView</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/invoices/view.py" line="175"/>
        <source>%Ln invoices</source>
        <translation>
            <numerusform>%Ln invoice</numerusform>
            <numerusform>%Ln invoices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/invoices/view.py" line="244"/>
        <source>Exported %Ln invoices to %1</source>
        <translation>
            <numerusform>Exported %Ln invoice to %1</numerusform>
            <numerusform>Exported %Ln invoices to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LedgerView</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/money/ledger.py" line="119"/>
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/money/ledger.py" line="148"/>
        <source>Exported the statement with %Ln movements to %1</source>
        <translation>
            <numerusform>Exported the statement with %Ln movement to %1</numerusform>
            <numerusform>Exported the statement with %Ln movements to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListingsView</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/listings/view.py" line="146"/>
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
        <location filename="../../vendor_desktop/ui/shell/main_window.py" line="187"/>
        <source>%n changes have not reached the marketplace yet. They are kept on this computer and sent the next time you start Vendor Center. Quit now?</source>
        <translation>
            <numerusform>%n change has not reached the marketplace yet. It is kept on this computer and sent the next time you start Vendor Center. Quit now?</numerusform>
            <numerusform>%n changes have not reached the marketplace yet. They are kept on this computer and sent the next time you start Vendor Center. Quit now?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessagesView</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/messages/view.py" line="168"/>
        <source>%n messages</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/messages/view.py" line="184"/>
        <source>Mark %n unread messages as read</source>
        <translation>
            <numerusform>Mark %n unread message as read</numerusform>
            <numerusform>Mark %n unread messages as read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessagesViewModel</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/viewmodels/messages/viewmodel.py" line="369"/>
        <source>%n new orders</source>
        <translation>
            <numerusform>%n new order</numerusform>
            <numerusform>%n new orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/viewmodels/messages/viewmodel.py" line="374"/>
        <source>%n new invoice requests</source>
        <translation>
            <numerusform>%n new invoice request</numerusform>
            <numerusform>%n new invoice requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/viewmodels/messages/viewmodel.py" line="379"/>
        <source>%n new refund requests</source>
        <translation>
            <numerusform>%n new refund request</numerusform>
            <numerusform>%n new refund requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/viewmodels/messages/viewmodel.py" line="384"/>
        <source>%n tickets replied</source>
        <translation>
            <numerusform>%n ticket replied</numerusform>
            <numerusform>%n tickets replied</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MoneyCards</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/viewmodels/dashboard/money.py" line="127"/>
        <source>%n markets · agreements not signed</source>
        <translation>
            <numerusform>%n market · agreements not signed</numerusform>
            <numerusform>%n markets · agreements not signed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/viewmodels/dashboard/money.py" line="129"/>
        <source>%n markets · deposit too low</source>
        <translation>
            <numerusform>%n market · deposit too low</numerusform>
            <numerusform>%n markets · deposit too low</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/viewmodels/dashboard/money.py" line="153"/>
        <source>%n withdrawals</source>
        <translation>
            <numerusform>%n withdrawal</numerusform>
            <numerusform>%n withdrawals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/viewmodels/dashboard/money.py" line="155"/>
        <source>%n withdrawals waiting to send</source>
        <translation>
            <numerusform>%n withdrawal waiting to send</numerusform>
            <numerusform>%n withdrawals waiting to send</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/orders/view.py" line="252"/>
        <source>%Ln orders · total %1</source>
        <translation>
            <numerusform>%Ln order · total %1</numerusform>
            <numerusform>%Ln orders · total %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/orders/view.py" line="254"/>
        <source>%Ln orders</source>
        <translation>
            <numerusform>%Ln order</numerusform>
            <numerusform>%Ln orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/orders/view.py" line="359"/>
        <source>Exported %Ln orders to %1</source>
        <translation>
            <numerusform>Exported %Ln order to %1</numerusform>
            <numerusform>Exported %Ln orders to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/money/overview.py" line="154"/>
        <source>%n withdrawals</source>
        <translation>
            <numerusform>%n withdrawal</numerusform>
            <numerusform>%n withdrawals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBarMixin</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/shell/status_bar.py" line="97"/>
        <source>%Ln updates received</source>
        <translation>
            <numerusform>%Ln update received</numerusform>
            <numerusform>%Ln updates received</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/shell/status_bar.py" line="109"/>
        <source>%n changes not accepted</source>
        <translation>
            <numerusform>%n change not accepted</numerusform>
            <numerusform>%n changes not accepted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/shell/status_bar.py" line="111"/>
        <source>%n changes waiting to send</source>
        <translation>
            <numerusform>%n change waiting to send</numerusform>
            <numerusform>%n changes waiting to send</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TicketsView</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/tickets/view.py" line="380"/>
        <source>%n tickets</source>
        <translation>
            <numerusform>%n ticket</numerusform>
            <numerusform>%n tickets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrackingImportDialog</name>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="152"/>
        <source>%n rows in %1</source>
        <translation>
            <numerusform>%n row in %1</numerusform>
            <numerusform>%n rows in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vendor_desktop/ui/invoices/import_dialog.py" line="175"/>
        <source>Import %n rows</source>
        <translation>
            <numerusform>Import %n row</numerusform>
            <numerusform>Import %n rows</numerusform>
        </translation>
    </message>
</context>
</TS>
