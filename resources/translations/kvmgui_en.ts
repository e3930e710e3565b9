<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>delete_dialog</name>
        <message numerus="yes">
            <source>Delete Virtual Machine(s)</source>
            <translation>
                <numerusform>Delete Virtual Machine</numerusform>
                <numerusform>Delete Virtual Machines</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>details.graphs</name>
        <message numerus="yes">
            <source>Last %n minute(s)</source>
            <translation>
                <numerusform>Last minute</numerusform>
                <numerusform>Last %n minutes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>mainwindow</name>
        <message numerus="yes">
            <source> — %n connection(s)</source>
            <translation>
                <numerusform> — %n connection</numerusform>
                <numerusform> — %n connections</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n throwaway VM(s) on {uri} left overlays behind (kvmgui was not running when they stopped): </source>
            <translation>
                <numerusform>%n throwaway VM on {uri} left overlays behind (kvmgui was not running when it stopped): </numerusform>
                <numerusform>%n throwaway VMs on {uri} left overlays behind (kvmgui was not running when they stopped): </numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>uncaught</name>
        <message numerus="yes">
            <source>%n more unexpected error(s) since.</source>
            <translation>
                <numerusform>%n more unexpected error since.</numerusform>
                <numerusform>%n more unexpected errors since.</numerusform>
            </translation>
        </message>
    </context>
</TS>