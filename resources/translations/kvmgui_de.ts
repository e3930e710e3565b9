<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
    <context>
        <name>about</name>
        <message>
            <source>About kvmgui</source>
            <translation>Über kvmgui</translation>
        </message>
        <message>
            <source>A fast desktop manager for local KVM virtual machines.</source>
            <translation>Eine schnelle Desktop-Verwaltung für lokale virtuelle KVM-Maschinen.</translation>
        </message>
        <message>
            <source>Qt {qVersion}, PySide6 {pyside_version}</source>
            <translation>Qt {qVersion}, PySide6 {pyside_version}</translation>
        </message>
        <message>
            <source>read the hypervisor's version</source>
            <translation>Version des Hypervisors lesen</translation>
        </message>
    </context>
    <context>
        <name>add_connection</name>
        <message>
            <source>QEMU/KVM (system)</source>
            <translation>QEMU/KVM (System)</translation>
        </message>
        <message>
            <source>QEMU/KVM user session</source>
            <translation>QEMU/KVM-Benutzersitzung</translation>
        </message>
        <message>
            <source>QEMU/KVM on a remote host over SSH</source>
            <translation>QEMU/KVM auf einem entfernten Rechner über SSH</translation>
        </message>
        <message>
            <source>QEMU/KVM on a remote host with the ssh program (agent, ~/.ssh/config)</source>
            <translation>QEMU/KVM auf einem entfernten Rechner mit dem Programm ssh (Agent, ~/.ssh/config)</translation>
        </message>
        <message>
            <source>Custom URI</source>
            <translation>Eigene URI</translation>
        </message>
        <message>
            <source>Add Connection</source>
            <translation>Verbindung hinzufügen</translation>
        </message>
        <message>
            <source>user (optional)</source>
            <translation>Benutzer (optional)</translation>
        </message>
        <message>
            <source>~/.ssh/id_… (optional: the agent's or the default keys)</source>
            <translation>~/.ssh/id_… (optional: Schlüssel des Agenten oder Standardschlüssel)</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Durchsuchen …</translation>
        </message>
        <message>
            <source>Hypervisor</source>
            <translation>Hypervisor</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Benutzer</translation>
        </message>
        <message>
            <source>Host</source>
            <translation>Rechner</translation>
        </message>
        <message>
            <source>SSH port</source>
            <translation>SSH-Port</translation>
        </message>
        <message>
            <source>SSH private key</source>
            <translation>Privater SSH-Schlüssel</translation>
        </message>
        <message>
            <source>Browse for the SSH private key</source>
            <translation>Privaten SSH-Schlüssel suchen</translation>
        </message>
        <message>
            <source>Problem with this connection</source>
            <translation>Problem mit dieser Verbindung</translation>
        </message>
        <message>
            <source>Warning about this connection</source>
            <translation>Warnung zu dieser Verbindung</translation>
        </message>
        <message>
            <source>Connect</source>
            <translation>Verbinden</translation>
        </message>
        <message>
            <source>Hypervisor:</source>
            <translation>Hypervisor:</translation>
        </message>
        <message>
            <source>User:</source>
            <translation>Benutzer:</translation>
        </message>
        <message>
            <source>Host:</source>
            <translation>Rechner:</translation>
        </message>
        <message>
            <source>Port:</source>
            <translation>Port:</translation>
        </message>
        <message>
            <source>Key file:</source>
            <translation>Schlüsseldatei:</translation>
        </message>
        <message>
            <source>URI:</source>
            <translation>URI:</translation>
        </message>
        <message>
            <source>SSH Private Key</source>
            <translation>Privater SSH-Schlüssel</translation>
        </message>
    </context>
    <context>
        <name>clone</name>
        <message>
            <source>Done</source>
            <translation>Erledigt</translation>
        </message>
        <message>
            <source>Starting</source>
            <translation>Wird gestartet</translation>
        </message>
        <message>
            <source>Freezing the source's disks (snapshot)</source>
            <translation>Die Platten der Quelle werden eingefroren (Schnappschuss)</translation>
        </message>
        <message>
            <source>Defining the virtual machine</source>
            <translation>Die virtuelle Maschine wird definiert</translation>
        </message>
        <message>
            <source>Copying the UEFI variables</source>
            <translation>Die UEFI-Variablen werden kopiert</translation>
        </message>
        <message>
            <source>Writing the cloud-init seed</source>
            <translation>Der cloud-init-Seed wird geschrieben</translation>
        </message>
        <message>
            <source>Copying disk {disk}</source>
            <translation>Platte {disk} wird kopiert</translation>
        </message>
        <message>
            <source>Could not make {name}: {step} failed: {message}</source>
            <translation>{name} konnte nicht erstellt werden: Fehlgeschlagen bei „{step}“: {message}</translation>
        </message>
        <message>
            <source>Could not remove: {left}.</source>
            <translation>Nicht entfernt werden konnte: {left}.</translation>
        </message>
        <message>
            <source>Disk {disk} of {name} is another file while it runs than in its definition: shut it down first.</source>
            <translation>Platte {disk} von {name} ist im Betrieb eine andere Datei als in ihrer Definition: Fahren Sie sie zuerst herunter.</translation>
        </message>
        <message>
            <source>Disk {disk} of {name} is in pool {pool}, whose volumes are not files: only a shut-off VM can be cloned from it.</source>
            <translation>Platte {disk} von {name} liegt im Speicherpool {pool}, dessen Datenträger keine Dateien sind: Daraus kann nur eine ausgeschaltete VM geklont werden.</translation>
        </message>
        <message>
            <source>Kept the clones already made: {made}.</source>
            <translation>Die schon erstellten Klone bleiben erhalten: {made}.</translation>
        </message>
        <message>
            <source>Made 1 clone: {made}.</source>
            <translation>1 Klon erstellt: {made}.</translation>
        </message>
        <message>
            <source>Made {count} clones: {made}.</source>
            <translation>{count} Klone erstellt: {made}.</translation>
        </message>
        <message>
            <source>Make between 1 and {limit} clones.</source>
            <translation>Erstellen Sie zwischen 1 und {limit} Klone.</translation>
        </message>
        <message>
            <source>Not attempted: {names}.</source>
            <translation>Nicht versucht: {names}.</translation>
        </message>
        <message>
            <source>Nothing of {name} was left behind.</source>
            <translation>Von {name} ist nichts zurückgeblieben.</translation>
        </message>
        <message>
            <source>Overlaying disk {disk}</source>
            <translation>Overlay für Platte {disk} wird angelegt</translation>
        </message>
        <message>
            <source>The clones start from {source}'s disks as they were at the snapshot: no guest agent answered, so they are as after a power cut (crash-consistent). {source} keeps running, now writing to {overlays}.</source>
            <translation>Die Klone starten von den Platten von {source}, wie sie beim Schnappschuss waren: Kein Gast-Agent hat geantwortet, daher sind sie wie nach einem Stromausfall (absturzkonsistent). {source} läuft weiter und schreibt jetzt in {overlays}.</translation>
        </message>
        <message>
            <source>The clones start from {source}'s disks as they were at the snapshot: the guest agent froze its file systems for that instant. {source} keeps running, now writing to {overlays}.</source>
            <translation>Die Klone starten von den Platten von {source}, wie sie beim Schnappschuss waren: Der Gast-Agent hat die Dateisysteme für diesen Augenblick eingefroren. {source} läuft weiter und schreibt jetzt in {overlays}.</translation>
        </message>
        <message>
            <source>The only placeholder in a name is {number}.</source>
            <translation>Der einzige Platzhalter in einem Namen ist {number}.</translation>
        </message>
        <message>
            <source>To make several clones, put {number} in the name where each one's number goes.</source>
            <translation>Für mehrere Klone setzen Sie {number} an die Stelle im Namen, an der die Nummer jedes Klons steht.</translation>
        </message>
        <message>
            <source>{name!r}: {problem}</source>
            <translation>{name!r}: {problem}</translation>
        </message>
        <message>
            <source>{names} already exist.</source>
            <translation>{names} gibt es schon.</translation>
        </message>
        <message>
            <source>{names} and {more} more already exist.</source>
            <translation>{names} und {more} weitere gibt es schon.</translation>
        </message>
        <message>
            <source>{name} already exists.</source>
            <translation>{name} gibt es schon.</translation>
        </message>
        <message>
            <source>{name} has no disk to clone.</source>
            <translation>{name} hat keine Platte zum Klonen.</translation>
        </message>
        <message>
            <source>{name} is running: shut it down first, or clone it from a snapshot of its disks. A disk that changes while it is copied, or under the clones that read through it, is corrupt.</source>
            <translation>{name} läuft: Fahren Sie sie zuerst herunter, oder klonen Sie sie aus einem Schnappschuss ihrer Platten. Eine Platte, die sich ändert, während sie kopiert wird oder während Klone durch sie lesen, ist beschädigt.</translation>
        </message>
    </context>
    <context>
        <name>clone_dialog</name>
        <message>
            <source>Clone {name}</source>
            <translation>{name} klonen</translation>
        </message>
        <message>
            <source>Linked clone: a thin overlay on the source's disks</source>
            <translation>Verknüpfter Klon: eine dünne Schicht über den Platten der Quelle</translation>
        </message>
        <message>
            <source>Linked clone</source>
            <translation>Verknüpfter Klon</translation>
        </message>
        <message>
            <source>Full copy: disks of its own</source>
            <translation>Vollständige Kopie: eigene Platten</translation>
        </message>
        <message>
            <source>Full copy</source>
            <translation>Vollständige Kopie</translation>
        </message>
        <message>
            <source>Name pattern</source>
            <translation>Namensmuster</translation>
        </message>
        <message>
            <source>{NUMBER} becomes each clone's number: 1, 2, 3…</source>
            <translation>{NUMBER} wird zur Nummer jedes Klons: 1, 2, 3 …</translation>
        </message>
        <message>
            <source>Number of clones</source>
            <translation>Anzahl der Klone</translation>
        </message>
        <message>
            <source>Start the clones</source>
            <translation>Klone starten</translation>
        </message>
        <message>
            <source>Clone it running, from a snapshot of its disks taken now</source>
            <translation>Laufend klonen, aus einem jetzt aufgenommenen Schnappschuss ihrer Platten</translation>
        </message>
        <message>
            <source>Clone from a snapshot of the running disks</source>
            <translation>Aus einem Schnappschuss der laufenden Platten klonen</translation>
        </message>
        <message>
            <source>A disk-only snapshot: the VM keeps running on new overlay files and its current disk images, frozen, become the read-only base of the clones.</source>
            <translation>Ein Schnappschuss nur der Platten: Die VM läuft auf neuen Overlay-Dateien weiter, und ihre jetzigen Plattenabbilder werden eingefroren zur schreibgeschützten Basis der Klone.</translation>
        </message>
        <message>
            <source>Names of the clones</source>
            <translation>Namen der Klone</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>Cloning progress</source>
            <translation>Fortschritt des Klonens</translation>
        </message>
        <message>
            <source>Progress of each clone</source>
            <translation>Fortschritt jedes Klons</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Zusammenfassung</translation>
        </message>
        <message>
            <source>Clone</source>
            <translation>Klonen</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>Art:</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>How many:</source>
            <translation>Anzahl:</translation>
        </message>
        <message>
            <source>Names:</source>
            <translation>Namen:</translation>
        </message>
        <message>
            <source>{name} is running. Shut it down first, or clone it from a snapshot of its disks taken now: {name} keeps running, writing to new overlay files, and its disk images as they are at that instant become the read-only base of the clones. When the guest agent answers, it freezes the guest's file systems for the snapshot; without it, the clones start from disks as after a power cut (crash-consistent), like a VM that was switched off.</source>
            <translation>{name} läuft. Fahren Sie sie zuerst herunter, oder klonen Sie sie aus einem jetzt aufgenommenen Schnappschuss ihrer Platten: {name} läuft weiter und schreibt in neue Overlay-Dateien, und ihre Plattenabbilder werden so, wie sie in diesem Augenblick sind, zur schreibgeschützten Basis der Klone. Antwortet der Gast-Agent, friert er die Dateisysteme des Gastes für den Schnappschuss ein; ohne ihn starten die Klone von Platten wie nach einem Stromausfall (absturzkonsistent), wie eine VM, die ausgeschaltet wurde.</translation>
        </message>
        <message>
            <source>Clones of {name} get their own name, UUID, MAC addresses, UEFI variables and cloud-init identity. A linked clone reads through the source's disks, so the source must stay shut off while its linked clones exist (make it a template).</source>
            <translation>Klone von {name} erhalten eigenen Namen, eigene UUID, MAC-Adressen, UEFI-Variablen und cloud-init-Identität. Ein verknüpfter Klon liest durch die Platten der Quelle, daher muss die Quelle ausgeschaltet bleiben, solange ihre verknüpften Klone bestehen (machen Sie sie zur Vorlage).</translation>
        </message>
        <message>
            <source>{name} is running: shut it down first, or clone it from a snapshot of its disks.</source>
            <translation>{name} läuft: Fahren Sie sie zuerst herunter, oder klonen Sie sie aus einem Schnappschuss ihrer Platten.</translation>
        </message>
        <message>
            <source>{name}: waiting</source>
            <translation>{name}: wartet</translation>
        </message>
        <message>
            <source>Could not clone {name}</source>
            <translation>{name} konnte nicht geklont werden</translation>
        </message>
        <message>
            <source>{name}: done</source>
            <translation>{name}: erledigt</translation>
        </message>
        <message>
            <source>{name}: failed ({step})</source>
            <translation>{name}: fehlgeschlagen ({step})</translation>
        </message>
        <message>
            <source>{name}: not attempted</source>
            <translation>{name}: nicht versucht</translation>
        </message>
    </context>
    <context>
        <name>connection</name>
        <message>
            <source>Connecting</source>
            <extracomment>An open of a URI under way (see start_opening).</extracomment>
            <translation>Verbindet</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>Verbunden</translation>
        </message>
        <message>
            <source>Not connected</source>
            <translation>Nicht verbunden</translation>
        </message>
        <message>
            <source>Connection lost</source>
            <translation>Verbindung verloren</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Geschlossen</translation>
        </message>
        <message>
            <source>The daemon went away.</source>
            <translation>Der Dienst ist nicht mehr erreichbar.</translation>
        </message>
    </context>
    <context>
        <name>console.send_keys</name>
        <message>
            <source>Send &amp;Key</source>
            <translation>&amp;Taste senden</translation>
        </message>
        <message>
            <source>Send {label} to the selected virtual machines</source>
            <translation>{label} an die ausgewählten virtuellen Maschinen senden</translation>
        </message>
    </context>
    <context>
        <name>console.serial_tab</name>
        <message>
            <source>Take Over</source>
            <extracomment>A console session began (every attach, reattaches included). The session ended: the reason, for the user. Guest output reached the terminal.</extracomment>
            <translation>Übernehmen</translation>
        </message>
        <message>
            <source>Disconnect the other client and attach here (libvirt's force flag)</source>
            <translation>Den anderen Client trennen und hier verbinden (Force-Schalter von libvirt)</translation>
        </message>
        <message>
            <source>Reconnect</source>
            <translation>Neu verbinden</translation>
        </message>
        <message>
            <source>Attaching to the serial console of {name}…</source>
            <translation>Verbinden mit der seriellen Konsole von {name} …</translation>
        </message>
        <message>
            <source>{name} no longer exists.</source>
            <translation>{name} existiert nicht mehr.</translation>
        </message>
        <message>
            <source>Open the serial console</source>
            <translation>Serielle Konsole öffnen</translation>
        </message>
        <message>
            <source>Another client (virsh console, virt-manager…) holds the serial console of {name}.</source>
            <translation>Ein anderer Client (virsh console, virt-manager …) belegt die serielle Konsole von {name}.</translation>
        </message>
        <message>
            <source>{name} is {lower}. The console attaches when it starts.</source>
            <translation>{name}: {lower}. Die Konsole verbindet sich beim Start.</translation>
        </message>
        <message>
            <source>{name} has no serial console.</source>
            <translation>{name} hat keine serielle Konsole.</translation>
        </message>
        <message>
            <source>{name} is not running. The console attaches when it starts.</source>
            <translation>{name} läuft nicht. Die Konsole verbindet sich beim Start.</translation>
        </message>
        <message>
            <source>Could not open the serial console of {name}: {message}</source>
            <translation>Die serielle Konsole von {name} konnte nicht geöffnet werden: {message}</translation>
        </message>
    </context>
    <context>
        <name>console.ssh_window</name>
        <message>
            <source>SSH terminal</source>
            <translation>SSH-Terminal</translation>
        </message>
        <message>
            <source>The guest's host key changed since kvmgui last connected (was it re-installed?). ssh refused it. If that is expected, delete {_known_hosts}.</source>
            <translation>Der Rechnerschlüssel des Gastes hat sich seit der letzten Verbindung geändert (wurde er neu installiert?). ssh hat ihn abgelehnt. Wenn das erwartet ist, löschen Sie {_known_hosts}.</translation>
        </message>
        <message>
            <source>The SSH session ended (exit status {status}).</source>
            <translation>Die SSH-Sitzung wurde beendet (Exit-Status {status}).</translation>
        </message>
    </context>
    <context>
        <name>console.thumbnails</name>
        <message>
            <source>take thumbnails</source>
            <extracomment>Why thumbnails are off ("" when they are on).</extracomment>
            <translation>Vorschaubilder aufnehmen</translation>
        </message>
        <message>
            <source>Thumbnails are off: {running} VMs run (more than {limit}, see Preferences).</source>
            <translation>Vorschaubilder sind aus: {running} VMs laufen (mehr als {limit}, siehe Einstellungen).</translation>
        </message>
    </context>
    <context>
        <name>console.viewer_launcher</name>
        <message>
            <source>The console tunnel needs the host's key known (as when connecting) and a key without passphrase or loaded in ssh-agent (ssh-add).</source>
            <translation>Der Konsolentunnel braucht den bekannten Schlüssel des Rechners (wie beim Verbinden) und einen Schlüssel ohne Passphrase oder in ssh-agent geladen (ssh-add).</translation>
        </message>
        <message>
            <source>Could not open the console of {name}</source>
            <extracomment>A message for the user (missing viewer, early exit with its stderr...). The VM has no SPICE or VNC display: (Connection, DomainInfo, has a serial console). A viewer process started: (URI, UUID). A second request found the viewer already running: (URI, UUID). The environment viewers run in (tests point DISPLAY at their own X server).</extracomment>
            <translation>Die Konsole von {name} konnte nicht geöffnet werden</translation>
        </message>
        <message>
            <source>Could not open the console of {name}: {err}</source>
            <translation>Die Konsole von {name} konnte nicht geöffnet werden: {err}</translation>
        </message>
        <message>
            <source>The SSH tunnel to the console of {name} ended{detail}</source>
            <translation>Der SSH-Tunnel zur Konsole von {name} wurde beendet{detail}</translation>
        </message>
        <message>
            <source>Could not start the SSH tunnel to the console of {name}: {error}</source>
            <translation>Der SSH-Tunnel zur Konsole von {name} konnte nicht gestartet werden: {error}</translation>
        </message>
        <message>
            <source>Could not open the console of {name}: {install_hint}</source>
            <translation>Die Konsole von {name} konnte nicht geöffnet werden: {install_hint}</translation>
        </message>
        <message>
            <source>exited with code {exit_code}</source>
            <translation>wurde mit Code {exit_code} beendet</translation>
        </message>
        <message>
            <source> at once</source>
            <translation> sofort</translation>
        </message>
        <message>
            <source>The console viewer of {name} {why}{detail}</source>
            <translation>Der Konsolenbetrachter von {name} {why}{detail}</translation>
        </message>
        <message>
            <source>Could not start the console viewer of {name}: {errorString}</source>
            <translation>Der Konsolenbetrachter von {name} konnte nicht gestartet werden: {errorString}</translation>
        </message>
    </context>
    <context>
        <name>consoles</name>
        <message>
            <source>The display of {name} listens on a UNIX socket on {host}; connect with qemu+ssh:// to reach it.</source>
            <translation>Die Anzeige von {name} lauscht auf einem UNIX-Socket auf {host}; verbinden Sie sich mit qemu+ssh://, um sie zu erreichen.</translation>
        </message>
        <message>
            <source>The display of {name} listens on {listen} only, which this machine cannot reach; connect with qemu+ssh:// to tunnel it.</source>
            <translation>Die Anzeige von {name} lauscht nur auf {listen}, das dieser Rechner nicht erreicht; verbinden Sie sich mit qemu+ssh://, um sie zu tunneln.</translation>
        </message>
        <message>
            <source>The {protocol} display has no port yet; start the domain first.</source>
            <translation>Die {protocol}-Anzeige hat noch keinen Port; starten Sie die Domäne zuerst.</translation>
        </message>
        <message>
            <source>{name} has no graphical display (SPICE or VNC); use the serial console instead.</source>
            <translation>{name} hat keine grafische Anzeige (SPICE oder VNC); verwenden Sie stattdessen die serielle Konsole.</translation>
        </message>
        <message>
            <source>{program} is not installed. Install it with 'sudo apt install {package}' (Debian, Ubuntu) or your distribution's {package} package.</source>
            <translation>{program} ist nicht installiert. Installieren Sie es mit 'sudo apt install {package}' (Debian, Ubuntu) oder mit dem Paket {package} Ihrer Distribution.</translation>
        </message>
        <message>
            <source>{uri} names no host serving {name}'s display.</source>
            <translation>{uri} nennt keinen Rechner, der die Anzeige von {name} bereitstellt.</translation>
        </message>
        <message>
            <source>The display of {name} has only a TLS port, which kvmgui does not tunnel.</source>
            <translation>Die Anzeige von {name} hat nur einen TLS-Port, den kvmgui nicht tunnelt.</translation>
        </message>
        <message>
            <source>kvmgui cannot pass the SSH file {path!r} to ssh for the console tunnel.</source>
            <translation>kvmgui kann die SSH-Datei {path!r} nicht für den Konsolentunnel an ssh übergeben.</translation>
        </message>
    </context>
    <context>
        <name>create</name>
        <message>
            <source>Nothing was left behind.</source>
            <translation>Es ist nichts zurückgeblieben.</translation>
        </message>
        <message>
            <source>the disk</source>
            <translation>die Platte</translation>
        </message>
        <message>
            <source>the XML gives the VM no name</source>
            <translation>das XML gibt der VM keinen Namen</translation>
        </message>
        <message>
            <source>Checking the image</source>
            <translation>Das Abbild wird geprüft</translation>
        </message>
        <message>
            <source>Creating the disk</source>
            <translation>Die Platte wird erstellt</translation>
        </message>
        <message>
            <source>Writing the cloud-init seed</source>
            <translation>Der cloud-init-Seed wird geschrieben</translation>
        </message>
        <message>
            <source>the cloud-init seed</source>
            <translation>der cloud-init-Seed</translation>
        </message>
        <message>
            <source>Defining the virtual machine</source>
            <translation>Die virtuelle Maschine wird definiert</translation>
        </message>
        <message>
            <source>Starting the virtual machine</source>
            <translation>Die virtuelle Maschine wird gestartet</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Erledigt</translation>
        </message>
        <message>
            <source>Copying the image ({percent} %)</source>
            <translation>Das Abbild wird kopiert ({percent} %)</translation>
        </message>
        <message>
            <source>Could not create {name}</source>
            <translation>{name} konnte nicht erstellt werden</translation>
        </message>
        <message>
            <source>Could not undo: {left}.</source>
            <translation>Nicht rückgängig gemacht werden konnte: {left}.</translation>
        </message>
        <message>
            <source>Starting the network {name}</source>
            <translation>Das Netzwerk {name} wird gestartet</translation>
        </message>
        <message>
            <source>a VM named {name!r} already exists on this connection</source>
            <translation>auf dieser Verbindung gibt es schon eine VM namens {name!r}</translation>
        </message>
        <message>
            <source>the XML's UUID {uuid} is the VM {name!r}'s: remove the &lt;uuid&gt; element or give a new one</source>
            <translation>die UUID {uuid} des XML gehört der VM {name!r}: Entfernen Sie das Element &lt;uuid&gt; oder geben Sie eine neue an</translation>
        </message>
        <message>
            <source>there is no storage pool {name!r}</source>
            <translation>es gibt keinen Speicherpool {name!r}</translation>
        </message>
        <message>
            <source>{step} failed: {message}</source>
            <translation>Fehlgeschlagen bei „{step}“: {message}</translation>
        </message>
    </context>
    <context>
        <name>credential_dialog</name>
        <message>
            <source>Connecting to {uri}</source>
            <translation>Verbindung mit {uri}</translation>
        </message>
        <message>
            <source>libvirt asks, to connect to {uri}:</source>
            <translation>libvirt fragt, um sich mit {uri} zu verbinden:</translation>
        </message>
        <message>
            <source>y to accept, n to refuse</source>
            <translation>y zum Annehmen, n zum Ablehnen</translation>
        </message>
    </context>
    <context>
        <name>delete_dialog</name>
        <message numerus="yes">
            <source>Delete Virtual Machine(s)</source>
            <translation>
                <numerusform>Virtuelle Maschine löschen</numerusform>
                <numerusform>Virtuelle Maschinen löschen</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete {names}? Running machines are forced off first. Managed save, snapshot metadata and UEFI variables go with the definition.
Tick the storage to delete too: unticked disks are kept.</source>
            <translation>{names} löschen? Laufende Maschinen werden zuvor hart ausgeschaltet. Gespeicherter Zustand, Schnappschuss-Metadaten und UEFI-Variablen gehen mit der Definition.
Kreuzen Sie den Speicher an, der ebenfalls gelöscht werden soll: Nicht angekreuzte Platten bleiben erhalten.</translation>
        </message>
        <message>
            <source>Disks</source>
            <translation>Platten</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <source>Disk</source>
            <translation>Platte</translation>
        </message>
        <message>
            <source>Path</source>
            <translation>Pfad</translation>
        </message>
        <message>
            <source>Also used by</source>
            <translation>Auch verwendet von</translation>
        </message>
        <message>
            <source>reading disks…</source>
            <translation>Platten werden gelesen …</translation>
        </message>
        <message>
            <source>Could not list the disks of {name}</source>
            <translation>Die Platten von {name} konnten nicht aufgelistet werden</translation>
        </message>
        <message>
            <source>no disks</source>
            <translation>keine Platten</translation>
        </message>
        <message>
            <source>{device}, cloud-init seed</source>
            <translation>{device}, cloud-init-Seed</translation>
        </message>
        <message>
            <source>Not in a storage pool: kvmgui cannot delete it</source>
            <translation>In keinem Speicherpool: kvmgui kann sie nicht löschen</translation>
        </message>
        <message>
            <source>Holds the cloud-init user's password hash</source>
            <translation>Enthält den Passwort-Hash des cloud-init-Benutzers</translation>
        </message>
        <message>
            <source>Deleting it breaks these VMs</source>
            <translation>Löschen macht diese VMs unbrauchbar</translation>
        </message>
        <message>
            <source>{path}
    used by {join}</source>
            <translation>{path}
    verwendet von {join}</translation>
        </message>
        <message>
            <source>Delete storage other VMs use?</source>
            <translation>Speicher löschen, den andere VMs verwenden?</translation>
        </message>
        <message>
            <source>Other virtual machines use storage you ticked; deleting it breaks them:

</source>
            <translation>Andere virtuelle Maschinen verwenden angekreuzten Speicher; Löschen macht sie unbrauchbar:

</translation>
        </message>
        <message>
            <source>Delete Anyway</source>
            <translation>Trotzdem löschen</translation>
        </message>
    </context>
    <context>
        <name>details.graphs</name>
        <message>
            <source>seconds ago</source>
            <extracomment>The windows the user can choose, in seconds.</extracomment>
            <translation>vor Sekunden</translation>
        </message>
        <message numerus="yes">
            <source>Last %n minute(s)</source>
            <translation>
                <numerusform>Letzte Minute</numerusform>
                <numerusform>Letzte %n Minuten</numerusform>
            </translation>
        </message>
        <message>
            <source>Guest</source>
            <translation>Gast</translation>
        </message>
        <message>
            <source>Host</source>
            <translation>Rechner</translation>
        </message>
        <message>
            <source>Guest: how busy the VM's virtual CPUs are.
Host: the share of the whole host it uses.</source>
            <translation>Gast: wie ausgelastet die virtuellen CPUs der VM sind.
Rechner: ihr Anteil am ganzen Rechner.</translation>
        </message>
        <message>
            <source>Memory</source>
            <translation>Speicher</translation>
        </message>
        <message>
            <source>Used</source>
            <translation>Belegt</translation>
        </message>
        <message>
            <source>Memory the guest reports in use (current balloon minus unused), or what QEMU holds on the host when the guest does not report it.</source>
            <translation>Speicher, den der Gast als belegt meldet (aktueller Balloon minus ungenutzt), oder was QEMU auf dem Rechner belegt, wenn der Gast nichts meldet.</translation>
        </message>
        <message>
            <source>Disk</source>
            <translation>Platte</translation>
        </message>
        <message>
            <source>Read</source>
            <translation>Lesen</translation>
        </message>
        <message>
            <source>Write</source>
            <translation>Schreiben</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>Netzwerk</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Empfangen</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Gesendet</translation>
        </message>
        <message>
            <source>Host CPU</source>
            <translation>Rechner-CPU</translation>
        </message>
        <message>
            <source>Busy</source>
            <translation>Ausgelastet</translation>
        </message>
        <message>
            <source>Host memory</source>
            <translation>Rechnerspeicher</translation>
        </message>
        <message>
            <source>Total minus free, buffers and page cache.</source>
            <translation>Gesamt minus frei, Puffer und Seitencache.</translation>
        </message>
    </context>
    <context>
        <name>details.hardware_editors</name>
        <message>
            <source>Hard disk</source>
            <translation>Festplatte</translation>
        </message>
        <message>
            <source>CD-ROM</source>
            <translation>CD-ROM</translation>
        </message>
        <message>
            <source>Network (PXE)</source>
            <translation>Netzwerk (PXE)</translation>
        </message>
        <message>
            <source>Floppy</source>
            <translation>Diskette</translation>
        </message>
        <message>
            <source>Choose a disk image</source>
            <translation>Plattenabbild wählen</translation>
        </message>
        <message>
            <source>Disk images (*.qcow2 *.img *.raw);;All files (*)</source>
            <translation>Plattenabbilder (*.qcow2 *.img *.raw);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>Jetzt</translation>
        </message>
        <message>
            <source>Apply the {what} change now</source>
            <translation>Änderung an {what} jetzt anwenden</translation>
        </message>
        <message>
            <source>At next boot</source>
            <translation>Beim nächsten Start</translation>
        </message>
        <message>
            <source>Apply the {what} change at next boot</source>
            <translation>Änderung an {what} beim nächsten Start anwenden</translation>
        </message>
        <message>
            <source>Apply:</source>
            <translation>Anwenden:</translation>
        </message>
        <message>
            <source>{label} editor</source>
            <translation>Editor für {label}</translation>
        </message>
        <message>
            <source>{label}: pending</source>
            <translation>{label}: ausstehend</translation>
        </message>
        <message>
            <source>{label}: message</source>
            <translation>{label}: Meldung</translation>
        </message>
        <message>
            <source>Remove this {noun}</source>
            <translation>Dieses Gerät entfernen: {noun}</translation>
        </message>
        <message>
            <source>Remove {label}</source>
            <translation>{label} entfernen</translation>
        </message>
        <message>
            <source>Pending: the running VM still has its old setting; the one shown here takes effect at its next boot.</source>
            <translation>Ausstehend: Die laufende VM hat noch die alte Einstellung; die hier gezeigte gilt ab dem nächsten Start.</translation>
        </message>
        <message>
            <source>This change needs a restart of the VM.</source>
            <translation>Diese Änderung erfordert einen Neustart der VM.</translation>
        </message>
        <message>
            <source>Current vCPUs</source>
            <translation>Aktuelle vCPUs</translation>
        </message>
        <message>
            <source>Maximum vCPUs</source>
            <translation>Maximale vCPUs</translation>
        </message>
        <message>
            <source>CPU mode</source>
            <translation>CPU-Modus</translation>
        </message>
        <message>
            <source>(hypervisor default)</source>
            <translation>(Vorgabe des Hypervisors)</translation>
        </message>
        <message>
            <source>Named CPU model</source>
            <translation>Benanntes CPU-Modell</translation>
        </message>
        <message>
            <source>e.g. Skylake-Client (with mode custom)</source>
            <translation>z. B. Skylake-Client (mit Modus custom)</translation>
        </message>
        <message>
            <source>Current vCPUs:</source>
            <translation>Aktuelle vCPUs:</translation>
        </message>
        <message>
            <source>Maximum vCPUs:</source>
            <translation>Maximale vCPUs:</translation>
        </message>
        <message>
            <source>CPU mode:</source>
            <translation>CPU-Modus:</translation>
        </message>
        <message>
            <source>CPU model:</source>
            <translation>CPU-Modell:</translation>
        </message>
        <message>
            <source>Set the topology by hand</source>
            <translation>Topologie von Hand festlegen</translation>
        </message>
        <message>
            <source>Manual CPU topology</source>
            <translation>Manuelle CPU-Topologie</translation>
        </message>
        <message>
            <source>Sockets</source>
            <translation>Sockel</translation>
        </message>
        <message>
            <source>Cores per socket</source>
            <translation>Kerne je Sockel</translation>
        </message>
        <message>
            <source>Threads per core</source>
            <translation>Threads je Kern</translation>
        </message>
        <message>
            <source>Topology:</source>
            <translation>Topologie:</translation>
        </message>
        <message>
            <source>Only the current vCPU count changes on a running VM.</source>
            <translation>Bei laufender VM ändert sich nur die aktuelle Zahl der vCPUs.</translation>
        </message>
        <message>
            <source>Current memory</source>
            <translation>Aktueller Speicher</translation>
        </message>
        <message>
            <source>Maximum memory</source>
            <translation>Maximaler Speicher</translation>
        </message>
        <message>
            <source>Current memory:</source>
            <translation>Aktueller Speicher:</translation>
        </message>
        <message>
            <source>Maximum memory:</source>
            <translation>Maximaler Speicher:</translation>
        </message>
        <message>
            <source>Only the current memory (balloon) changes on a running VM.</source>
            <translation>Bei laufender VM ändert sich nur der aktuelle Speicher (Balloon).</translation>
        </message>
        <message>
            <source>Boot order</source>
            <translation>Startreihenfolge</translation>
        </message>
        <message>
            <source>Up</source>
            <translation>Hoch</translation>
        </message>
        <message>
            <source>Move the boot device up</source>
            <translation>Startgerät nach oben schieben</translation>
        </message>
        <message>
            <source>Down</source>
            <translation>Runter</translation>
        </message>
        <message>
            <source>Move the boot device down</source>
            <translation>Startgerät nach unten schieben</translation>
        </message>
        <message>
            <source>Boot order:</source>
            <translation>Startreihenfolge:</translation>
        </message>
        <message>
            <source>Show the boot menu</source>
            <translation>Startmenü anzeigen</translation>
        </message>
        <message>
            <source>Boot menu</source>
            <translation>Startmenü</translation>
        </message>
        <message>
            <source>{label} source</source>
            <translation>Quelle von {label}</translation>
        </message>
        <message>
            <source>Media:</source>
            <translation>Medium:</translation>
        </message>
        <message>
            <source>Source:</source>
            <translation>Quelle:</translation>
        </message>
        <message>
            <source>(empty) — the path of an ISO to insert</source>
            <translation>(leer) – Pfad eines einzulegenden ISO-Abbilds</translation>
        </message>
        <message>
            <source>{label}: ISO images in the host's storage pools</source>
            <translation>{label}: ISO-Abbilder in den Speicherpools des Rechners</translation>
        </message>
        <message>
            <source>Insert an ISO volume of the host…</source>
            <translation>ISO-Datenträger des Rechners einlegen …</translation>
        </message>
        <message>
            <source>No ISO volumes in the host's storage pools</source>
            <translation>Keine ISO-Datenträger in den Speicherpools des Rechners</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Durchsuchen …</translation>
        </message>
        <message>
            <source>Choose an ISO file for {label}</source>
            <translation>ISO-Datei für {label} wählen</translation>
        </message>
        <message>
            <source>Eject</source>
            <translation>Auswerfen</translation>
        </message>
        <message>
            <source>Eject the media of {label}</source>
            <translation>Medium von {label} auswerfen</translation>
        </message>
        <message>
            <source>{label} bus</source>
            <translation>Bus von {label}</translation>
        </message>
        <message>
            <source>{label} cache mode</source>
            <translation>Cache-Modus von {label}</translation>
        </message>
        <message>
            <source>Read-only</source>
            <translation>Schreibgeschützt</translation>
        </message>
        <message>
            <source>{label} read-only</source>
            <translation>{label} schreibgeschützt</translation>
        </message>
        <message>
            <source>Shareable</source>
            <translation>Gemeinsam nutzbar</translation>
        </message>
        <message>
            <source>{label} shareable</source>
            <translation>{label} gemeinsam nutzbar</translation>
        </message>
        <message>
            <source>Bus:</source>
            <translation>Bus:</translation>
        </message>
        <message>
            <source>Cache:</source>
            <translation>Cache:</translation>
        </message>
        <message>
            <source>Also delete its storage (only if no other VM uses it)</source>
            <translation>Auch den Speicher löschen (nur wenn keine andere VM ihn verwendet)</translation>
        </message>
        <message>
            <source>Delete the storage of {label}</source>
            <translation>Speicher von {label} löschen</translation>
        </message>
        <message>
            <source>Choose an ISO image</source>
            <translation>ISO-Abbild wählen</translation>
        </message>
        <message>
            <source>ISO images (*.iso);;All files (*)</source>
            <translation>ISO-Abbilder (*.iso);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Bus, cache and flags of a disk change at its next boot.</source>
            <translation>Bus, Cache und Schalter einer Platte ändern sich beim nächsten Start.</translation>
        </message>
        <message>
            <source>{label} connection</source>
            <translation>Verbindung von {label}</translation>
        </message>
        <message>
            <source>{label} network or bridge name</source>
            <translation>Netzwerk- oder Bridge-Name von {label}</translation>
        </message>
        <message>
            <source>{label} model</source>
            <translation>Modell von {label}</translation>
        </message>
        <message>
            <source>{label} MAC address</source>
            <translation>MAC-Adresse von {label}</translation>
        </message>
        <message>
            <source>Link up (cable plugged in)</source>
            <translation>Verbindung aktiv (Kabel eingesteckt)</translation>
        </message>
        <message>
            <source>{label} link up</source>
            <translation>{label} Verbindung aktiv</translation>
        </message>
        <message>
            <source>Connection:</source>
            <translation>Verbindung:</translation>
        </message>
        <message>
            <source>Network / bridge:</source>
            <translation>Netzwerk / Bridge:</translation>
        </message>
        <message>
            <source>Model:</source>
            <translation>Modell:</translation>
        </message>
        <message>
            <source>MAC:</source>
            <translation>MAC:</translation>
        </message>
        <message>
            <source>Only the link state and removal change on a running VM.</source>
            <translation>Bei laufender VM ändern sich nur Verbindungsstatus und Entfernen.</translation>
        </message>
        <message>
            <source>Display protocol</source>
            <translation>Anzeigeprotokoll</translation>
        </message>
        <message>
            <source>Display listens on</source>
            <translation>Anzeige lauscht auf</translation>
        </message>
        <message>
            <source>Nowhere: local viewers attach through libvirt</source>
            <translation>Nirgends: Lokale Betrachter verbinden sich über libvirt</translation>
        </message>
        <message>
            <source>127.0.0.1 only (for SSH tunnels)</source>
            <translation>Nur 127.0.0.1 (für SSH-Tunnel)</translation>
        </message>
        <message>
            <source>{value} (as defined)</source>
            <translation>{value} (wie definiert)</translation>
        </message>
        <message>
            <source>Protocol:</source>
            <translation>Protokoll:</translation>
        </message>
        <message>
            <source>Listen:</source>
            <translation>Lauschen:</translation>
        </message>
        <message>
            <source>{label}: about</source>
            <translation>{label}: Hinweis</translation>
        </message>
        <message>
            <source>Device:</source>
            <translation>Gerät:</translation>
        </message>
        <message>
            <source>A serial port is removed at the next boot.</source>
            <translation>Eine serielle Schnittstelle wird beim nächsten Start entfernt.</translation>
        </message>
        <message>
            <source>Video model</source>
            <translation>Grafikmodell</translation>
        </message>
        <message>
            <source>Watchdog action</source>
            <translation>Watchdog-Aktion</translation>
        </message>
        <message>
            <source>When it fires:</source>
            <translation>Wenn er auslöst:</translation>
        </message>
    </context>
    <context>
        <name>details.hardware_tab</name>
        <message>
            <source>No ISO volumes in the host's storage pools</source>
            <translation>Keine ISO-Datenträger in den Speicherpools des Rechners</translation>
        </message>
        <message>
            <source>No disk image volumes in the host's storage pools</source>
            <translation>Keine Plattenabbild-Datenträger in den Speicherpools des Rechners</translation>
        </message>
        <message>
            <source>Add Hardware</source>
            <translation>Hardware hinzufügen</translation>
        </message>
        <message>
            <source>Kind of hardware to add</source>
            <translation>Art der hinzuzufügenden Hardware</translation>
        </message>
        <message>
            <source>Disk (a new volume in a storage pool)</source>
            <translation>Platte (neuer Datenträger in einem Speicherpool)</translation>
        </message>
        <message>
            <source>Disk (an existing image file or volume)</source>
            <translation>Platte (vorhandene Abbilddatei oder vorhandener Datenträger)</translation>
        </message>
        <message>
            <source>CD-ROM</source>
            <translation>CD-ROM</translation>
        </message>
        <message>
            <source>Network interface</source>
            <translation>Netzwerkschnittstelle</translation>
        </message>
        <message>
            <source>Sound card</source>
            <translation>Soundkarte</translation>
        </message>
        <message>
            <source>Serial port (pty; at next boot)</source>
            <translation>Serielle Schnittstelle (pty; beim nächsten Start)</translation>
        </message>
        <message>
            <source>TPM 2.0 (emulated; the host needs swtpm)</source>
            <translation>TPM 2.0 (emuliert; der Rechner braucht swtpm)</translation>
        </message>
        <message>
            <source>Random number generator (virtio, from /dev/urandom)</source>
            <translation>Zufallszahlengenerator (virtio, aus /dev/urandom)</translation>
        </message>
        <message>
            <source>Watchdog</source>
            <translation>Watchdog</translation>
        </message>
        <message>
            <source>USB host device (passed through)</source>
            <translation>USB-Gerät des Rechners (durchgereicht)</translation>
        </message>
        <message>
            <source>Path of the disk image or ISO</source>
            <translation>Pfad des Plattenabbilds oder ISO-Abbilds</translation>
        </message>
        <message>
            <source>Volumes of the host's storage pools</source>
            <translation>Datenträger der Speicherpools des Rechners</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Durchsuchen …</translation>
        </message>
        <message>
            <source>Choose a file on this machine</source>
            <translation>Eine Datei auf diesem Rechner wählen</translation>
        </message>
        <message>
            <source>Disk image format</source>
            <translation>Format des Plattenabbilds</translation>
        </message>
        <message>
            <source>Storage pool for the new volume</source>
            <translation>Speicherpool für den neuen Datenträger</translation>
        </message>
        <message>
            <source>Name of the new volume</source>
            <translation>Name des neuen Datenträgers</translation>
        </message>
        <message>
            <source>Size of the new volume</source>
            <translation>Größe des neuen Datenträgers</translation>
        </message>
        <message>
            <source>Disk bus</source>
            <translation>Plattenbus</translation>
        </message>
        <message>
            <source>NIC connection</source>
            <translation>Verbindung der Netzwerkkarte</translation>
        </message>
        <message>
            <source>NIC network or bridge name</source>
            <translation>Netzwerk- oder Bridge-Name der Netzwerkkarte</translation>
        </message>
        <message>
            <source>NIC model</source>
            <translation>Modell der Netzwerkkarte</translation>
        </message>
        <message>
            <source>Sound card model</source>
            <translation>Modell der Soundkarte</translation>
        </message>
        <message>
            <source>Watchdog model</source>
            <translation>Watchdog-Modell</translation>
        </message>
        <message>
            <source>Watchdog action</source>
            <translation>Watchdog-Aktion</translation>
        </message>
        <message>
            <source>Host USB device</source>
            <translation>USB-Gerät des Rechners</translation>
        </message>
        <message>
            <source>new hardware</source>
            <translation>neue Hardware</translation>
        </message>
        <message>
            <source>Add:</source>
            <translation>Hinzufügen:</translation>
        </message>
        <message>
            <source>Pool:</source>
            <translation>Pool:</translation>
        </message>
        <message>
            <source>Volume name:</source>
            <translation>Datenträgername:</translation>
        </message>
        <message>
            <source>Size:</source>
            <translation>Größe:</translation>
        </message>
        <message>
            <source>Path:</source>
            <translation>Pfad:</translation>
        </message>
        <message>
            <source>Format:</source>
            <translation>Format:</translation>
        </message>
        <message>
            <source>Bus:</source>
            <translation>Bus:</translation>
        </message>
        <message>
            <source>Connection:</source>
            <translation>Verbindung:</translation>
        </message>
        <message>
            <source>Network / bridge:</source>
            <translation>Netzwerk / Bridge:</translation>
        </message>
        <message>
            <source>Model:</source>
            <translation>Modell:</translation>
        </message>
        <message>
            <source>When it fires:</source>
            <translation>Wenn er auslöst:</translation>
        </message>
        <message>
            <source>Device:</source>
            <translation>Gerät:</translation>
        </message>
        <message>
            <source>The VM is not running.</source>
            <translation>Die VM läuft nicht.</translation>
        </message>
        <message>
            <source>A serial port is added at the next boot.</source>
            <translation>Eine serielle Schnittstelle wird beim nächsten Start hinzugefügt.</translation>
        </message>
        <message>
            <source>Pick {what} from the host's storage pools…</source>
            <translation>Aus den Speicherpools des Rechners {what} wählen …</translation>
        </message>
        <message>
            <source>Hardware</source>
            <translation>Hardware</translation>
        </message>
        <message>
            <source>Hardware list</source>
            <translation>Hardwareliste</translation>
        </message>
        <message>
            <source>Hardware editor</source>
            <translation>Hardware-Editor</translation>
        </message>
        <message>
            <source>Changes to apply</source>
            <translation>Anzuwendende Änderungen</translation>
        </message>
        <message>
            <source>Hardware message</source>
            <translation>Hardware-Meldung</translation>
        </message>
        <message>
            <source>Add &amp;Hardware…</source>
            <translation>&amp;Hardware hinzufügen …</translation>
        </message>
        <message>
            <source>Add hardware</source>
            <translation>Hardware hinzufügen</translation>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation>&amp;Zurücksetzen</translation>
        </message>
        <message>
            <source>Revert the hardware changes</source>
            <translation>Hardware-Änderungen zurücksetzen</translation>
        </message>
        <message>
            <source>&amp;Apply</source>
            <translation>&amp;Anwenden</translation>
        </message>
        <message>
            <source>Apply the hardware changes</source>
            <translation>Hardware-Änderungen anwenden</translation>
        </message>
        <message>
            <source>Changes to apply:</source>
            <translation>Anzuwendende Änderungen:</translation>
        </message>
        <message>
            <source>Could not read the hardware of {name}</source>
            <translation>Die Hardware von {name} konnte nicht gelesen werden</translation>
        </message>
        <message>
            <source>not applied, see the message</source>
            <translation>nicht angewendet, siehe Meldung</translation>
        </message>
        <message>
            <source>pending: takes effect at next boot</source>
            <translation>ausstehend: gilt ab dem nächsten Start</translation>
        </message>
        <message>
            <source>Nothing was added: give a path, or tick when it applies.</source>
            <translation>Nichts hinzugefügt: Geben Sie einen Pfad an oder kreuzen Sie an, wann es gilt.</translation>
        </message>
        <message>
            <source>Applying…</source>
            <translation>Wird angewendet …</translation>
        </message>
        <message>
            <source>Could not change the hardware of {name}</source>
            <translation>Die Hardware von {name} konnte nicht geändert werden</translation>
        </message>
        <message>
            <source>Applied.</source>
            <translation>Angewendet.</translation>
        </message>
        <message>
            <source>Not everything was applied: see the items marked ⚠. Your edits are kept.</source>
            <translation>Nicht alles wurde angewendet: siehe die mit ⚠ markierten Einträge. Ihre Änderungen bleiben erhalten.</translation>
        </message>
    </context>
    <context>
        <name>details.overview_tab</name>
        <message>
            <source>State</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>IP addresses</source>
            <translation>IP-Adressen</translation>
        </message>
        <message>
            <source>vCPUs</source>
            <translation>vCPUs</translation>
        </message>
        <message>
            <source>Memory</source>
            <translation>Speicher</translation>
        </message>
        <message>
            <source>OS</source>
            <translation>Betriebssystem</translation>
        </message>
        <message>
            <source>Firmware</source>
            <translation>Firmware</translation>
        </message>
        <message>
            <source>Machine</source>
            <translation>Maschinentyp</translation>
        </message>
        <message>
            <source>Emulator</source>
            <translation>Emulator</translation>
        </message>
        <message>
            <source>Persistent</source>
            <translation>Dauerhaft</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>Verbindung</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>Übersicht</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>A short line shown in the list's tooltip</source>
            <translation>Eine kurze Zeile, die im Tooltip der Liste erscheint</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <source>Start the VM when the host boots</source>
            <translation>VM beim Start des Rechners starten</translation>
        </message>
        <message>
            <source>Autostart</source>
            <translation>Autostart</translation>
        </message>
        <message>
            <source>{title}: message</source>
            <translation>{title}: Meldung</translation>
        </message>
        <message>
            <source>Overview message</source>
            <translation>Übersichtsmeldung</translation>
        </message>
        <message>
            <source>&amp;Apply</source>
            <translation>&amp;Anwenden</translation>
        </message>
        <message>
            <source>Apply the overview changes</source>
            <translation>Änderungen der Übersicht anwenden</translation>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation>&amp;Zurücksetzen</translation>
        </message>
        <message>
            <source>Revert the overview changes</source>
            <translation>Änderungen der Übersicht zurücksetzen</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Title:</source>
            <translation>Titel:</translation>
        </message>
        <message>
            <source>Description:</source>
            <translation>Beschreibung:</translation>
        </message>
        <message>
            <source>The VM's screen</source>
            <translation>Bildschirm der VM</translation>
        </message>
        <message>
            <source>The VM's screen, refreshed every few seconds</source>
            <translation>Bildschirm der VM, alle paar Sekunden aufgefrischt</translation>
        </message>
        <message>
            <source>no (transient)</source>
            <translation>nein (flüchtig)</translation>
        </message>
        <message>
            <source>Could not read {name}</source>
            <translation>{name} konnte nicht gelesen werden</translation>
        </message>
        <message>
            <source>Applying…</source>
            <translation>Wird angewendet …</translation>
        </message>
        <message>
            <source>Could not change {name}</source>
            <translation>{name} konnte nicht geändert werden</translation>
        </message>
        <message>
            <source>Not everything was applied: see the fields marked.</source>
            <translation>Nicht alles wurde angewendet: siehe die markierten Felder.</translation>
        </message>
        <message>
            <source>Applied.</source>
            <translation>Angewendet.</translation>
        </message>
    </context>
    <context>
        <name>details.snapshots_tab</name>
        <message>
            <source>Internal (disks{memory}; can be reverted)</source>
            <translation>Intern (Platten{memory}; kann zurückgesetzt werden)</translation>
        </message>
        <message>
            <source>Disk-only external (disks frozen, new writes on overlays)</source>
            <translation>Nur Platten, extern (Platten eingefroren, neue Schreibvorgänge in Overlays)</translation>
        </message>
        <message>
            <source>Could not {what}</source>
            <translation>Fehlgeschlagen: {what}</translation>
        </message>
        <message>
            <source>{title}: message</source>
            <translation>{title}: Meldung</translation>
        </message>
        <message>
            <source>Take a Snapshot of {name}</source>
            <translation>Schnappschuss von {name} aufnehmen</translation>
        </message>
        <message>
            <source>Take Snapshot</source>
            <translation>Schnappschuss aufnehmen</translation>
        </message>
        <message>
            <source>Take the snapshot</source>
            <translation>Den Schnappschuss aufnehmen</translation>
        </message>
        <message>
            <source>Snapshot name</source>
            <translation>Name des Schnappschusses</translation>
        </message>
        <message>
            <source>Snapshot description</source>
            <translation>Beschreibung des Schnappschusses</translation>
        </message>
        <message>
            <source>Snapshot kind</source>
            <translation>Art des Schnappschusses</translation>
        </message>
        <message>
            <source>What libvirt can do</source>
            <translation>Was libvirt kann</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Description:</source>
            <translation>Beschreibung:</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>Art:</translation>
        </message>
        <message>
            <source>read what snapshots the VM can take</source>
            <translation>lesen, welche Schnappschüsse die VM aufnehmen kann</translation>
        </message>
        <message>
            <source>, with the VM's memory</source>
            <translation>, mit dem Speicher der VM</translation>
        </message>
        <message>
            <source>Give the snapshot a name.</source>
            <translation>Geben Sie dem Schnappschuss einen Namen.</translation>
        </message>
        <message>
            <source>Taking the snapshot…</source>
            <translation>Schnappschuss wird aufgenommen …</translation>
        </message>
        <message>
            <source>take snapshot {name} of {name2}</source>
            <translation>Schnappschuss {name} von {name2} aufnehmen</translation>
        </message>
        <message>
            <source>Revert {name} to a Snapshot</source>
            <translation>{name} auf einen Schnappschuss zurücksetzen</translation>
        </message>
        <message>
            <source>Revert</source>
            <translation>Zurücksetzen</translation>
        </message>
        <message>
            <source>Revert to the chosen snapshot</source>
            <translation>Auf den gewählten Schnappschuss zurücksetzen</translation>
        </message>
        <message>
            <source>What the VM did since the snapshot is lost.</source>
            <translation>Was die VM seit dem Schnappschuss getan hat, geht verloren.</translation>
        </message>
        <message>
            <source>list the snapshots</source>
            <translation>Schnappschüsse auflisten</translation>
        </message>
        <message>
            <source>Reverting to {name}…</source>
            <translation>Zurücksetzen auf {name} …</translation>
        </message>
        <message>
            <source>revert {name} to {name2}</source>
            <translation>{name} auf {name2} zurücksetzen</translation>
        </message>
        <message>
            <source>Snapshots</source>
            <translation>Schnappschüsse</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Taken</source>
            <translation>Aufgenommen</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <source>internal + memory</source>
            <translation>intern + Speicher</translation>
        </message>
        <message>
            <source>{name}, current</source>
            <translation>{name}, aktuell</translation>
        </message>
        <message>
            <source>The current snapshot: the VM's state derives from it</source>
            <translation>Der aktuelle Schnappschuss: Der Zustand der VM leitet sich von ihm ab</translation>
        </message>
        <message>
            <source>Snapshots message</source>
            <translation>Schnappschuss-Meldung</translation>
        </message>
        <message>
            <source>&amp;Take Snapshot…</source>
            <translation>Schnappschuss &amp;aufnehmen …</translation>
        </message>
        <message>
            <source>Take a snapshot</source>
            <translation>Einen Schnappschuss aufnehmen</translation>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation>&amp;Zurücksetzen</translation>
        </message>
        <message>
            <source>Revert to the selected snapshot</source>
            <translation>Auf den ausgewählten Schnappschuss zurücksetzen</translation>
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation>&amp;Löschen …</translation>
        </message>
        <message>
            <source>Delete the selected snapshot</source>
            <translation>Den ausgewählten Schnappschuss löschen</translation>
        </message>
        <message>
            <source>Restore Dis&amp;ks…</source>
            <translation>Pla&amp;tten wiederherstellen …</translation>
        </message>
        <message>
            <source>Restore the disks of the selected snapshot</source>
            <translation>Die Platten des ausgewählten Schnappschusses wiederherstellen</translation>
        </message>
        <message>
            <source>Put the shut-off VM's disks back on the files this snapshot froze</source>
            <translation>Die Platten der ausgeschalteten VM wieder auf die von diesem Schnappschuss eingefrorenen Dateien setzen</translation>
        </message>
        <message>
            <source>with its children</source>
            <translation>mit Unterschnappschüssen</translation>
        </message>
        <message>
            <source>Delete its child snapshots too</source>
            <translation>Auch die Unterschnappschüsse löschen</translation>
        </message>
        <message>
            <source>Description of the selected snapshot</source>
            <translation>Beschreibung des ausgewählten Schnappschusses</translation>
        </message>
        <message>
            <source>Save &amp;Description</source>
            <translation>&amp;Beschreibung speichern</translation>
        </message>
        <message>
            <source>Save the snapshot's description</source>
            <translation>Beschreibung des Schnappschusses speichern</translation>
        </message>
        <message>
            <source>&amp;Forget…</source>
            <translation>&amp;Vergessen …</translation>
        </message>
        <message>
            <source>revert to {name}</source>
            <translation>auf {name} zurücksetzen</translation>
        </message>
        <message>
            <source>Reverted to {name}.</source>
            <translation>Auf {name} zurückgesetzt.</translation>
        </message>
        <message>
            <source>Forget Snapshot</source>
            <translation>Schnappschuss vergessen</translation>
        </message>
        <message>
            <source>Delete Snapshot</source>
            <translation>Schnappschuss löschen</translation>
        </message>
        <message>
            <source>Forget {name}? </source>
            <translation>{name} vergessen? </translation>
        </message>
        <message>
            <source>Delete {name} and its children?</source>
            <translation>{name} und seine Unterschnappschüsse löschen?</translation>
        </message>
        <message>
            <source>Delete {name}?</source>
            <translation>{name} löschen?</translation>
        </message>
        <message>
            <source>Restore Disks</source>
            <translation>Platten wiederherstellen</translation>
        </message>
        <message>
            <source>Put the disks back on the files {name} froze? What was written since stays in the overlay files, which are kept but no longer used; {name} is then forgotten.</source>
            <translation>Die Platten wieder auf die von {name} eingefrorenen Dateien setzen? Was seitdem geschrieben wurde, bleibt in den Overlay-Dateien, die erhalten, aber nicht mehr verwendet werden; {name} wird danach vergessen.</translation>
        </message>
        <message>
            <source>restore the disks of {name}</source>
            <translation>Platten von {name} wiederherstellen</translation>
        </message>
        <message>
            <source>The disks are back on {name}'s files; kept, unused: </source>
            <translation>Die Platten liegen wieder auf den Dateien von {name}; erhalten, unbenutzt: </translation>
        </message>
        <message>
            <source>delete {name}</source>
            <translation>{name} löschen</translation>
        </message>
        <message>
            <source>{name} is gone.</source>
            <translation>{name} ist gelöscht.</translation>
        </message>
        <message>
            <source>describe {name}</source>
            <translation>{name} beschreiben</translation>
        </message>
        <message>
            <source>Description saved.</source>
            <translation>Beschreibung gespeichert.</translation>
        </message>
    </context>
    <context>
        <name>details.window</name>
        <message>
            <source>Overview</source>
            <translation>Übersicht</translation>
        </message>
        <message>
            <source>Hardware</source>
            <translation>Hardware</translation>
        </message>
        <message>
            <source>Performance</source>
            <translation>Leistung</translation>
        </message>
        <message>
            <source>Serial Console</source>
            <translation>Serielle Konsole</translation>
        </message>
        <message>
            <source>Snapshots</source>
            <translation>Schnappschüsse</translation>
        </message>
        <message>
            <source>XML</source>
            <translation>XML</translation>
        </message>
        <message>
            <source>&amp;Virtual Machine</source>
            <translation>&amp;Virtuelle Maschine</translation>
        </message>
        <message>
            <source>Virtual Machine</source>
            <translation>Virtuelle Maschine</translation>
        </message>
        <message>
            <source>{name} — {state_text} — kvmgui</source>
            <translation>{name} — {state_text} — kvmgui</translation>
        </message>
        <message>
            <source>{name} — deleted — kvmgui</source>
            <translation>{name} — gelöscht — kvmgui</translation>
        </message>
        <message>
            <source>This virtual machine no longer exists.</source>
            <translation>Diese virtuelle Maschine existiert nicht mehr.</translation>
        </message>
    </context>
    <context>
        <name>details.xml_tab</name>
        <message>
            <source>Apply the XML of {name}?</source>
            <translation>XML von {name} anwenden?</translation>
        </message>
        <message>
            <source>XML changes to apply</source>
            <translation>Anzuwendende XML-Änderungen</translation>
        </message>
        <message>
            <source>These lines of {name}'s definition change:</source>
            <translation>Diese Zeilen der Definition von {name} ändern sich:</translation>
        </message>
        <message>
            <source>Changes to the XML</source>
            <translation>Änderungen am XML</translation>
        </message>
        <message>
            <source>Apply these changes</source>
            <translation>Diese Änderungen anwenden</translation>
        </message>
        <message>
            <source>XML</source>
            <translation>XML</translation>
        </message>
        <message>
            <source>About editing the XML</source>
            <translation>Zum Bearbeiten des XML</translation>
        </message>
        <message>
            <source>XML editor message</source>
            <translation>XML-Editor-Meldung</translation>
        </message>
        <message>
            <source>Domain XML editor</source>
            <translation>Editor für das Domänen-XML</translation>
        </message>
        <message>
            <source>&amp;Validate</source>
            <translation>&amp;Prüfen</translation>
        </message>
        <message>
            <source>Validate the XML</source>
            <translation>Das XML prüfen</translation>
        </message>
        <message>
            <source>Check the XML against libvirt's schema, without applying</source>
            <translation>Das XML gegen das Schema von libvirt prüfen, ohne es anzuwenden</translation>
        </message>
        <message>
            <source>&amp;Apply…</source>
            <translation>&amp;Anwenden …</translation>
        </message>
        <message>
            <source>Apply the XML</source>
            <translation>Das XML anwenden</translation>
        </message>
        <message>
            <source>Show what changes, then define the VM with this XML</source>
            <translation>Zeigen, was sich ändert, dann die VM mit diesem XML definieren</translation>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation>&amp;Zurücksetzen</translation>
        </message>
        <message>
            <source>Revert the XML</source>
            <translation>Das XML zurücksetzen</translation>
        </message>
        <message>
            <source>Go back to the VM's current definition</source>
            <translation>Zur aktuellen Definition der VM zurückkehren</translation>
        </message>
        <message>
            <source>This is the VM's definition. It runs now: what you change here takes effect at its next boot.</source>
            <translation>Dies ist die Definition der VM. Sie läuft gerade: Was Sie hier ändern, gilt ab dem nächsten Start.</translation>
        </message>
        <message>
            <source>This is the VM's definition: what you change here takes effect when it starts.</source>
            <translation>Dies ist die Definition der VM: Was Sie hier ändern, gilt ab dem Start.</translation>
        </message>
        <message>
            <source>Could not read the XML of {name}</source>
            <translation>Das XML von {name} konnte nicht gelesen werden</translation>
        </message>
        <message>
            <source>Could not {what} the XML of {name}</source>
            <translation>Fehlgeschlagen für das XML von {name}: {what}</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Wird geprüft …</translation>
        </message>
        <message>
            <source>Nothing to apply: the XML is the VM's definition.</source>
            <translation>Nichts anzuwenden: Das XML ist die Definition der VM.</translation>
        </message>
        <message>
            <source>Applying…</source>
            <translation>Wird angewendet …</translation>
        </message>
        <message>
            <source>at its next boot</source>
            <translation>ab dem nächsten Start</translation>
        </message>
        <message>
            <source>when it starts</source>
            <translation>ab dem Start</translation>
        </message>
        <message>
            <source>Applied: the VM uses this definition {when}.</source>
            <translation>Angewendet: Die VM verwendet diese Definition {when}.</translation>
        </message>
    </context>
    <context>
        <name>diagnostics</name>
        <message>
            <source>Connect to the libvirt daemon</source>
            <translation>Verbindung zum libvirt-Dienst</translation>
        </message>
        <message>
            <source>KVM (hardware virtualization)</source>
            <translation>KVM (Hardware-Virtualisierung)</translation>
        </message>
        <message>
            <source>The host offers KVM for x86_64 guests.</source>
            <translation>Der Rechner bietet KVM für x86_64-Gäste.</translation>
        </message>
        <message>
            <source>The host offers only TCG (software emulation): /dev/kvm is missing or the daemon cannot use it.</source>
            <translation>Der Rechner bietet nur TCG (Software-Emulation): /dev/kvm fehlt oder der Dienst kann es nicht verwenden.</translation>
        </message>
        <message>
            <source>This driver runs no QEMU/KVM guests (e.g. the test driver).</source>
            <translation>Dieser Treiber führt keine QEMU/KVM-Gäste aus (z. B. der Testtreiber).</translation>
        </message>
        <message>
            <source>The host offers no x86_64 emulator at all.</source>
            <translation>Der Rechner bietet überhaupt keinen x86_64-Emulator.</translation>
        </message>
        <message>
            <source>Install QEMU on the host (Debian: 'sudo apt install qemu-system-x86'), then reconnect.</source>
            <translation>Installieren Sie QEMU auf dem Rechner (Debian: 'sudo apt install qemu-system-x86') und verbinden Sie sich neu.</translation>
        </message>
        <message>
            <source>Nested virtualization</source>
            <translation>Verschachtelte Virtualisierung</translation>
        </message>
        <message>
            <source>The host is itself a virtual machine: its KVM is nested, and may be slow or emulated in software.</source>
            <translation>Der Rechner ist selbst eine virtuelle Maschine: Sein KVM ist verschachtelt und kann langsam oder in Software emuliert sein.</translation>
        </message>
        <message>
            <source>Run the KVM self-test: it shows whether KVM guests really run here.</source>
            <translation>Führen Sie den KVM-Selbsttest aus: Er zeigt, ob KVM-Gäste hier wirklich laufen.</translation>
        </message>
        <message>
            <source>UEFI firmware (OVMF)</source>
            <translation>UEFI-Firmware (OVMF)</translation>
        </message>
        <message>
            <source>This driver does not tell; libvirt checks when a VM is defined.</source>
            <translation>Dieser Treiber gibt es nicht an; libvirt prüft es, wenn eine VM definiert wird.</translation>
        </message>
        <message>
            <source> with Secure Boot</source>
            <translation> mit Secure Boot</translation>
        </message>
        <message>
            <source>No UEFI firmware: VMs can boot with BIOS only.</source>
            <translation>Keine UEFI-Firmware: VMs können nur mit BIOS starten.</translation>
        </message>
        <message>
            <source>Default network</source>
            <translation>Standardnetzwerk</translation>
        </message>
        <message>
            <source>There is no 'default' network (NAT).</source>
            <translation>Es gibt kein Netzwerk 'default' (NAT).</translation>
        </message>
        <message>
            <source>Create a NAT network named 'default' in the Networks tab, or on the host: 'virsh net-define /usr/share/libvirt/networks/default.xml &amp;&amp; virsh net-start default &amp;&amp; virsh net-autostart default'.</source>
            <translation>Legen Sie im Reiter Netzwerke ein NAT-Netzwerk namens 'default' an, oder auf dem Rechner: 'virsh net-define /usr/share/libvirt/networks/default.xml &amp;&amp; virsh net-start default &amp;&amp; virsh net-autostart default'.</translation>
        </message>
        <message>
            <source>The 'default' network is defined but stopped.</source>
            <translation>Das Netzwerk 'default' ist definiert, aber gestoppt.</translation>
        </message>
        <message>
            <source>Start it in the Networks tab (tick Autostart to keep it running), or 'virsh net-start default'. kvmgui starts it when a new VM uses it.</source>
            <translation>Starten Sie es im Reiter Netzwerke (Autostart ankreuzen, damit es läuft), oder mit 'virsh net-start default'. kvmgui startet es, wenn eine neue VM es verwendet.</translation>
        </message>
        <message>
            <source>The 'default' network is running.</source>
            <translation>Das Netzwerk 'default' läuft.</translation>
        </message>
        <message>
            <source>Default storage pool</source>
            <translation>Standard-Speicherpool</translation>
        </message>
        <message>
            <source>There is no 'default' pool.</source>
            <translation>Es gibt keinen Pool 'default'.</translation>
        </message>
        <message>
            <source>kvmgui creates it (a directory pool at /var/lib/libvirt/images) with the first new VM; or create a pool in the Storage tab.</source>
            <translation>kvmgui legt ihn (einen Verzeichnispool unter /var/lib/libvirt/images) mit der ersten neuen VM an; oder legen Sie im Reiter Speicher einen Pool an.</translation>
        </message>
        <message>
            <source>The 'default' pool is defined but stopped.</source>
            <translation>Der Pool 'default' ist definiert, aber gestoppt.</translation>
        </message>
        <message>
            <source>Start it in the Storage tab (tick Autostart), or 'virsh pool-start default'.</source>
            <translation>Starten Sie ihn im Reiter Speicher (Autostart ankreuzen), oder mit 'virsh pool-start default'.</translation>
        </message>
        <message>
            <source>Free space in the default pool</source>
            <translation>Freier Platz im Standardpool</translation>
        </message>
        <message>
            <source>Free space on the host's file system that holds the pool, delete volumes that no VM uses (Storage tab), or put new disks in another pool.</source>
            <translation>Schaffen Sie Platz im Dateisystem des Rechners, das den Pool enthält, löschen Sie Datenträger, die keine VM verwendet (Reiter Speicher), oder legen Sie neue Platten in einen anderen Pool.</translation>
        </message>
        <message>
            <source>The 'default' pool is running.</source>
            <translation>Der Pool 'default' läuft.</translation>
        </message>
        <message>
            <source>KVM self-test</source>
            <translation>KVM-Selbsttest</translation>
        </message>
        <message>
            <source>no output</source>
            <translation>keine Ausgabe</translation>
        </message>
        <message>
            <source>it had not even started</source>
            <translation>er war nicht einmal gestartet</translation>
        </message>
        <message>
            <source>Use TCG for VMs on this host, or turn on hardware nested virtualization on the machine that runs it.</source>
            <translation>Verwenden Sie TCG für VMs auf diesem Rechner, oder schalten Sie auf der Maschine, die ihn ausführt, verschachtelte Hardware-Virtualisierung ein.</translation>
        </message>
        <message>
            <source>did not finish</source>
            <translation>nicht fertig geworden</translation>
        </message>
        <message>
            <source>the self-test needs an active directory pool: start or create one in the Storage tab</source>
            <translation>der Selbsttest braucht einen aktiven Verzeichnispool: Starten oder erstellen Sie einen im Reiter Speicher</translation>
        </message>
        <message>
            <source>A KVM guest did not finish within {KVM_DEADLINE_S:g} s ({started}), while the same guest under TCG finished in {seconds}: KVM guests hang or crawl on this host (KVM is nested or emulated in software). TCG is the safe choice.</source>
            <translation>Ein KVM-Gast wurde nicht innerhalb von {KVM_DEADLINE_S:g} s fertig ({started}), während derselbe Gast unter TCG in {seconds} fertig wurde: KVM-Gäste hängen oder kriechen auf diesem Rechner (KVM ist verschachtelt oder in Software emuliert). TCG ist die sichere Wahl.</translation>
        </message>
        <message>
            <source>A KVM guest ran the test in {done_s:.1f} s (TCG: {seconds}). KVM is the right choice.</source>
            <translation>Ein KVM-Gast hat den Test in {done_s:.1f} s ausgeführt (TCG: {seconds}). KVM ist die richtige Wahl.</translation>
        </message>
        <message>
            <source>Connected to {getURI} ({getHostname}).</source>
            <translation>Verbunden mit {getURI} ({getHostname}).</translation>
        </message>
        <message>
            <source>Only {format_bytes} free: a new VM's disk may not fit.</source>
            <translation>Nur {format_bytes} frei: Die Platte einer neuen VM passt womöglich nicht.</translation>
        </message>
        <message>
            <source>The test guest finished under neither KVM nor TCG ({error}): no verdict.</source>
            <translation>Der Testgast wurde weder unter KVM noch unter TCG fertig ({error}): kein Urteil.</translation>
        </message>
        <message>
            <source>There is no 'default' pool; other active pools: {pools}.</source>
            <translation>Es gibt keinen Pool 'default'; andere aktive Pools: {pools}.</translation>
        </message>
        <message>
            <source>UEFI firmware{secure} is installed.</source>
            <translation>UEFI-Firmware{secure} ist installiert.</translation>
        </message>
        <message>
            <source>its BIOS took {started_s:.1f} s</source>
            <translation>sein BIOS brauchte {started_s:.1f} s</translation>
        </message>
        <message>
            <source>{format_bytes} free.</source>
            <translation>{format_bytes} frei.</translation>
        </message>
        <message>
            <source>{uri} answers.</source>
            <translation>{uri} antwortet.</translation>
        </message>
    </context>
    <context>
        <name>domain</name>
        <message>
            <source>Unknown</source>
            <translation>Unbekannt</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>Läuft</translation>
        </message>
        <message>
            <source>Blocked</source>
            <translation>Blockiert</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>Angehalten</translation>
        </message>
        <message>
            <source>Shutting down</source>
            <translation>Fährt herunter</translation>
        </message>
        <message>
            <source>Shut off</source>
            <translation>Ausgeschaltet</translation>
        </message>
        <message>
            <source>Crashed</source>
            <translation>Abgestürzt</translation>
        </message>
        <message>
            <source>Suspended</source>
            <translation>Im Ruhezustand</translation>
        </message>
        <message>
            <source>booted</source>
            <translation>gestartet</translation>
        </message>
        <message>
            <source>migrated</source>
            <translation>migriert</translation>
        </message>
        <message>
            <source>restored</source>
            <translation>wiederhergestellt</translation>
        </message>
        <message>
            <source>from snapshot</source>
            <translation>aus Schnappschuss</translation>
        </message>
        <message>
            <source>unpaused</source>
            <translation>fortgesetzt</translation>
        </message>
        <message>
            <source>migration canceled</source>
            <translation>Migration abgebrochen</translation>
        </message>
        <message>
            <source>save canceled</source>
            <translation>Speichern abgebrochen</translation>
        </message>
        <message>
            <source>woken up</source>
            <translation>aufgeweckt</translation>
        </message>
        <message>
            <source>crashed</source>
            <translation>abgestürzt</translation>
        </message>
        <message>
            <source>post-copy</source>
            <translation>Post-Copy</translation>
        </message>
        <message>
            <source>by user</source>
            <translation>vom Benutzer</translation>
        </message>
        <message>
            <source>migrating</source>
            <translation>wird migriert</translation>
        </message>
        <message>
            <source>saving</source>
            <translation>wird gespeichert</translation>
        </message>
        <message>
            <source>dumping</source>
            <translation>Speicherabzug</translation>
        </message>
        <message>
            <source>I/O error</source>
            <translation>E/A-Fehler</translation>
        </message>
        <message>
            <source>watchdog</source>
            <translation>Watchdog</translation>
        </message>
        <message>
            <source>shutting down</source>
            <translation>fährt herunter</translation>
        </message>
        <message>
            <source>snapshot</source>
            <translation>Schnappschuss</translation>
        </message>
        <message>
            <source>starting up</source>
            <translation>startet</translation>
        </message>
        <message>
            <source>post-copy failed</source>
            <translation>Post-Copy fehlgeschlagen</translation>
        </message>
        <message>
            <source>shut down</source>
            <translation>heruntergefahren</translation>
        </message>
        <message>
            <source>forced off</source>
            <translation>hart ausgeschaltet</translation>
        </message>
        <message>
            <source>saved</source>
            <translation>gespeichert</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>fehlgeschlagen</translation>
        </message>
        <message>
            <source>daemon restarted</source>
            <translation>Dienst neu gestartet</translation>
        </message>
        <message>
            <source>panicked</source>
            <translation>Kernel-Panik</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Gespeichert</translation>
        </message>
        <message>
            <source>{state} ({reason})</source>
            <translation>{state} ({reason})</translation>
        </message>
        <message>
            <source>Enter a name.</source>
            <translation>Geben Sie einen Namen ein.</translation>
        </message>
        <message>
            <source>Use letters, digits and . _ + - only, starting with a letter or digit.</source>
            <translation>Verwenden Sie nur Buchstaben, Ziffern und . _ + -, am Anfang einen Buchstaben oder eine Ziffer.</translation>
        </message>
        <message>
            <source>The name is longer than {limit} characters.</source>
            <translation>Der Name ist länger als {limit} Zeichen.</translation>
        </message>
    </context>
    <context>
        <name>editing</name>
        <message>
            <source>The XML must keep this VM's &lt;uuid&gt;; without it libvirt would make a new VM.</source>
            <translation>Das XML muss die &lt;uuid&gt; dieser VM behalten; ohne sie würde libvirt eine neue VM anlegen.</translation>
        </message>
        <message>
            <source>The XML is well-formed; libvirt checks it against its schema when applied.</source>
            <translation>Das XML ist wohlgeformt; libvirt prüft es beim Anwenden gegen sein Schema.</translation>
        </message>
        <message>
            <source>The XML is valid.</source>
            <translation>Das XML ist gültig.</translation>
        </message>
        <message>
            <source>libvirt renames only shut-off VMs: shut it down first.</source>
            <translation>libvirt benennt nur ausgeschaltete VMs um: Fahren Sie sie zuerst herunter.</translation>
        </message>
        <message>
            <source>A title is one line; the description holds more.</source>
            <translation>Ein Titel ist eine Zeile; mehr gehört in die Beschreibung.</translation>
        </message>
        <message>
            <source>The UUID identifies this VM ({uuid}); changing it would define a new VM. Use Clone to make a copy.</source>
            <translation>Die UUID kennzeichnet diese VM ({uuid}); wird sie geändert, entsteht eine neue VM. Verwenden Sie Klonen, um eine Kopie zu erstellen.</translation>
        </message>
        <message>
            <source>The UUID {uuid} belongs to another VM, {name}.</source>
            <translation>Die UUID {uuid} gehört zu einer anderen VM, {name}.</translation>
        </message>
        <message>
            <source>The XML does not follow libvirt's schema: {errors}</source>
            <translation>Das XML entspricht nicht dem Schema von libvirt: {errors}</translation>
        </message>
        <message>
            <source>The XML is not well-formed: {err}</source>
            <translation>Das XML ist nicht wohlgeformt: {err}</translation>
        </message>
        <message>
            <source>The name {name!r} belongs to another VM.</source>
            <translation>Der Name {name!r} gehört zu einer anderen VM.</translation>
        </message>
        <message>
            <source>This is not a domain's XML: {err}</source>
            <translation>Das ist nicht das XML einer Domäne: {err}</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>Could not connect to {uri}: {message}</source>
            <translation>Verbindung mit {uri} fehlgeschlagen: {message}</translation>
        </message>
        <message>
            <source>Could not reach the host over SSH ({message}). Check the host and your SSH key.</source>
            <translation>Der Rechner ist über SSH nicht erreichbar ({message}). Prüfen Sie den Rechner und Ihren SSH-Schlüssel.</translation>
        </message>
        <message>
            <source>The libvirt daemon is not running ({message}). Start it with 'sudo systemctl start libvirtd' (or 'sudo libvirtd -d' where there is no systemd), or try the demo.</source>
            <translation>Der libvirt-Dienst läuft nicht ({message}). Starten Sie ihn mit 'sudo systemctl start libvirtd' (oder 'sudo libvirtd -d', wo es kein systemd gibt), oder probieren Sie die Demo.</translation>
        </message>
        <message>
            <source>You may not use {uri} ({message}). Add yourself to the 'libvirt' group ('sudo usermod -aG libvirt $USER'), then log out and in again.</source>
            <translation>Sie dürfen {uri} nicht verwenden ({message}). Treten Sie der Gruppe 'libvirt' bei ('sudo usermod -aG libvirt $USER'), dann ab- und wieder anmelden.</translation>
        </message>
        <message>
            <source>libvirt has no driver for {uri!r} ({message}). Check the URI.</source>
            <translation>libvirt hat keinen Treiber für {uri!r} ({message}). Prüfen Sie die URI.</translation>
        </message>
    </context>
    <context>
        <name>group_progress</name>
        <message>
            <source>Pending</source>
            <translation>Ausstehend</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>In Arbeit</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Erledigt</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Abgebrochen</translation>
        </message>
        <message>
            <source>, {count} failed</source>
            <translation>, {count} fehlgeschlagen</translation>
        </message>
        <message>
            <source>, {count} cancelled</source>
            <translation>, {count} abgebrochen</translation>
        </message>
        <message>
            <source>{label} {count} virtual machines</source>
            <translation>{label}: {count} virtuelle Maschinen</translation>
        </message>
        <message>
            <source>Overall progress</source>
            <translation>Gesamtfortschritt</translation>
        </message>
        <message>
            <source>Virtual machines finished</source>
            <translation>Fertige virtuelle Maschinen</translation>
        </message>
        <message>
            <source>%v of %m finished</source>
            <translation>%v von %m fertig</translation>
        </message>
        <message>
            <source>Progress of each virtual machine</source>
            <translation>Fortschritt jeder virtuellen Maschine</translation>
        </message>
        <message>
            <source>Virtual machine</source>
            <translation>Virtuelle Maschine</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Cancel Pending</source>
            <translation>Ausstehende abbrechen</translation>
        </message>
        <message>
            <source>Do not act on the virtual machines not started yet</source>
            <translation>Die noch nicht begonnenen virtuellen Maschinen auslassen</translation>
        </message>
        <message>
            <source>Could not {verb} {name}</source>
            <translation>Fehlgeschlagen: {name} {verb}</translation>
        </message>
        <message>
            <source>{label}: {done} of {total} done</source>
            <translation>{label}: {done} von {total} erledigt</translation>
        </message>
    </context>
    <context>
        <name>guest_addresses</name>
        <message>
            <source>read guest addresses</source>
            <translation>Adressen der Gäste lesen</translation>
        </message>
    </context>
    <context>
        <name>hardware</name>
        <message>
            <source>CD-ROM</source>
            <translation>CD-ROM</translation>
        </message>
        <message>
            <source>Floppy</source>
            <translation>Diskette</translation>
        </message>
        <message>
            <source>LUN</source>
            <translation>LUN</translation>
        </message>
        <message>
            <source>CPUs</source>
            <translation>CPUs</translation>
        </message>
        <message>
            <source>Memory</source>
            <translation>Speicher</translation>
        </message>
        <message>
            <source>Boot Options</source>
            <translation>Startoptionen</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>Grafik</translation>
        </message>
        <message>
            <source>Sound</source>
            <translation>Sound</translation>
        </message>
        <message>
            <source>Serial</source>
            <translation>Seriell</translation>
        </message>
        <message>
            <source>TPM</source>
            <translation>TPM</translation>
        </message>
        <message>
            <source>RNG</source>
            <translation>RNG</translation>
        </message>
        <message>
            <source>Watchdog</source>
            <translation>Watchdog</translation>
        </message>
        <message>
            <source>now and at next boot</source>
            <translation>jetzt und beim nächsten Start</translation>
        </message>
        <message>
            <source>now</source>
            <translation>jetzt</translation>
        </message>
        <message>
            <source>at next boot</source>
            <translation>beim nächsten Start</translation>
        </message>
        <message>
            <source>Disk</source>
            <translation>Platte</translation>
        </message>
        <message>
            <source>CPU topology: the hypervisor's default</source>
            <translation>CPU-Topologie: Vorgabe des Hypervisors</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <source>default</source>
            <translation>Vorgabe</translation>
        </message>
        <message>
            <source>NIC</source>
            <translation>Netzwerkkarte</translation>
        </message>
        <message>
            <source>USB device</source>
            <translation>USB-Gerät</translation>
        </message>
        <message>
            <source>empty</source>
            <translation>leer</translation>
        </message>
        <message>
            <source>Not applied: a new volume could not be created.</source>
            <translation>Nicht angewendet: Ein neuer Datenträger konnte nicht erstellt werden.</translation>
        </message>
        <message>
            <source>Not applied: the definition was refused.</source>
            <translation>Nicht angewendet: Die Definition wurde abgelehnt.</translation>
        </message>
        <message>
            <source>Add disk {target}: new volume {pool}/{name} ({size} GiB)</source>
            <translation>Platte {target} hinzufügen: neuer Datenträger {pool}/{name} ({size} GiB)</translation>
        </message>
        <message>
            <source>Add serial port {port} (pty)</source>
            <translation>Serielle Schnittstelle {port} hinzufügen (pty)</translation>
        </message>
        <message>
            <source>Add {what} {key}</source>
            <translation>{what} {key} hinzufügen</translation>
        </message>
        <message>
            <source>Boot order: {order}; boot menu off</source>
            <translation>Startreihenfolge: {order}; Startmenü aus</translation>
        </message>
        <message>
            <source>Boot order: {order}; boot menu on</source>
            <translation>Startreihenfolge: {order}; Startmenü an</translation>
        </message>
        <message>
            <source>CD-ROM {target}: eject</source>
            <translation>CD-ROM {target}: auswerfen</translation>
        </message>
        <message>
            <source>CD-ROM {target}: insert {path}</source>
            <translation>CD-ROM {target}: {path} einlegen</translation>
        </message>
        <message>
            <source>CPU mode: {mode}</source>
            <translation>CPU-Modus: {mode}</translation>
        </message>
        <message>
            <source>CPU model: {model}</source>
            <translation>CPU-Modell: {model}</translation>
        </message>
        <message>
            <source>CPU topology: {sockets} socket(s), {cores} core(s), {threads} thread(s)</source>
            <translation>CPU-Topologie: {sockets} Sockel, {cores} Kern(e), {threads} Thread(s)</translation>
        </message>
        <message>
            <source>Disk {target}: bus {bus}, cache {cache}</source>
            <translation>Platte {target}: Bus {bus}, Cache {cache}</translation>
        </message>
        <message>
            <source>Display {protocol}</source>
            <translation>Anzeige {protocol}</translation>
        </message>
        <message>
            <source>Display: {protocol}, listening nowhere (local viewers)</source>
            <translation>Anzeige: {protocol}, lauscht nirgends (lokale Betrachter)</translation>
        </message>
        <message>
            <source>Display: {protocol}, listening on 127.0.0.1</source>
            <translation>Anzeige: {protocol}, lauscht auf 127.0.0.1</translation>
        </message>
        <message>
            <source>Memory: {current} MiB of {maximum} MiB</source>
            <translation>Speicher: {current} MiB von {maximum} MiB</translation>
        </message>
        <message>
            <source>NIC {key}</source>
            <translation>Netzwerkkarte {key}</translation>
        </message>
        <message>
            <source>NIC {mac}: bridge {source}, model {model}</source>
            <translation>Netzwerkkarte {mac}: Bridge {source}, Modell {model}</translation>
        </message>
        <message>
            <source>NIC {mac}: link down</source>
            <translation>Netzwerkkarte {mac}: Verbindung getrennt</translation>
        </message>
        <message>
            <source>NIC {mac}: link up</source>
            <translation>Netzwerkkarte {mac}: Verbindung hergestellt</translation>
        </message>
        <message>
            <source>NIC {mac}: network {source}, model {model}</source>
            <translation>Netzwerkkarte {mac}: Netzwerk {source}, Modell {model}</translation>
        </message>
        <message>
            <source>Remove {kind} {key}</source>
            <translation>{kind} {key} entfernen</translation>
        </message>
        <message>
            <source>Remove {kind} {key} and delete {path}</source>
            <translation>{kind} {key} entfernen und {path} löschen</translation>
        </message>
        <message>
            <source>USB {key}</source>
            <translation>USB {key}</translation>
        </message>
        <message>
            <source>Video: {model}</source>
            <translation>Grafik: {model}</translation>
        </message>
        <message>
            <source>Watchdog {model}: {action}</source>
            <translation>Watchdog {model}: {action}</translation>
        </message>
        <message>
            <source>on firing: {action}</source>
            <translation>beim Auslösen: {action}</translation>
        </message>
        <message>
            <source>vCPUs: {current} of {maximum}</source>
            <translation>vCPUs: {current} von {maximum}</translation>
        </message>
        <message>
            <source>{label} ({details})</source>
            <translation>{label} ({details})</translation>
        </message>
        <message>
            <source>{label}, read-only</source>
            <translation>{label}, schreibgeschützt</translation>
        </message>
        <message>
            <source>{label}, shareable</source>
            <translation>{label}, gemeinsam nutzbar</translation>
        </message>
        <message>
            <source>{path} was kept: no storage pool holds it, kvmgui deletes only pool volumes.</source>
            <translation>{path} wurde behalten: Kein Speicherpool enthält die Datei, kvmgui löscht nur Datenträger aus Speicherpools.</translation>
        </message>
        <message>
            <source>{path} was kept: {users} still uses it.</source>
            <translation>{path} wurde behalten: {users} verwendet die Datei noch.</translation>
        </message>
        <message>
            <source>{what} {key}</source>
            <translation>{what} {key}</translation>
        </message>
    </context>
    <context>
        <name>host.diagnostics_view</name>
        <message>
            <source>✔ OK</source>
            <translation>✔ OK</translation>
        </message>
        <message>
            <source>⚠ Warning</source>
            <translation>⚠ Warnung</translation>
        </message>
        <message>
            <source>✖ Problem</source>
            <translation>✖ Problem</translation>
        </message>
        <message>
            <source>• Note</source>
            <translation>• Hinweis</translation>
        </message>
        <message>
            <source>Diagnostics</source>
            <translation>Diagnose</translation>
        </message>
        <message>
            <source>Host checklist</source>
            <translation>Checkliste des Rechners</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Prüfung</translation>
        </message>
        <message>
            <source>Found</source>
            <translation>Befund</translation>
        </message>
        <message>
            <source>How to fix</source>
            <translation>Abhilfe</translation>
        </message>
        <message>
            <source>Chosen check</source>
            <translation>Gewählte Prüfung</translation>
        </message>
        <message>
            <source>Check Again</source>
            <translation>Erneut prüfen</translation>
        </message>
        <message>
            <source>Read the host's state again</source>
            <translation>Den Zustand des Rechners erneut lesen</translation>
        </message>
        <message>
            <source>Run KVM Self-Test</source>
            <translation>KVM-Selbsttest ausführen</translation>
        </message>
        <message>
            <source>Boot a tiny 64 MiB guest under KVM and under TCG, and compare (about 10 s)</source>
            <translation>Einen winzigen 64-MiB-Gast unter KVM und unter TCG starten und vergleichen (etwa 10 s)</translation>
        </message>
        <message>
            <source>Checking the host…</source>
            <translation>Rechner wird geprüft …</translation>
        </message>
        <message>
            <source>Check the host</source>
            <translation>Den Rechner prüfen</translation>
        </message>
        <message>
            <source>KVM self-test (earlier run)</source>
            <translation>KVM-Selbsttest (früherer Lauf)</translation>
        </message>
        <message>
            <source>New VMs on this connection default to TCG.</source>
            <translation>Neue VMs auf dieser Verbindung verwenden standardmäßig TCG.</translation>
        </message>
        <message>
            <source>{problems} problem(s), {warnings} warning(s).</source>
            <translation>Probleme: {problems}, Warnungen: {warnings}.</translation>
        </message>
        <message>
            <source>
How to fix: {fix}</source>
            <translation>
Abhilfe: {fix}</translation>
        </message>
        <message>
            <source>Running the KVM self-test (up to about 30 s)…</source>
            <translation>KVM-Selbsttest läuft (bis etwa 30 s) …</translation>
        </message>
        <message>
            <source>KVM self-test</source>
            <translation>KVM-Selbsttest</translation>
        </message>
        <message>
            <source> New VMs on this connection now default to TCG.</source>
            <translation> Neue VMs auf dieser Verbindung verwenden jetzt standardmäßig TCG.</translation>
        </message>
    </context>
    <context>
        <name>host.forms</name>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>New Storage Pool</source>
            <translation>Neuer Speicherpool</translation>
        </message>
        <message>
            <source>Create</source>
            <translation>Erstellen</translation>
        </message>
        <message>
            <source>Pool type</source>
            <translation>Pooltyp</translation>
        </message>
        <message>
            <source>Pool name</source>
            <translation>Poolname</translation>
        </message>
        <message>
            <source>Directory</source>
            <translation>Verzeichnis</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Quelle</translation>
        </message>
        <message>
            <source>Resize {resize_of}</source>
            <translation>Größe von {resize_of} ändern</translation>
        </message>
        <message>
            <source>New Volume</source>
            <translation>Neuer Datenträger</translation>
        </message>
        <message>
            <source>Resize</source>
            <translation>Größe ändern</translation>
        </message>
        <message>
            <source>Volume name</source>
            <translation>Datenträgername</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Enter a volume name without '/'.</source>
            <translation>Geben Sie einen Datenträgernamen ohne '/' ein.</translation>
        </message>
        <message>
            <source>New Virtual Network</source>
            <translation>Neues virtuelles Netzwerk</translation>
        </message>
        <message>
            <source>any host interface</source>
            <translation>beliebige Schnittstelle des Rechners</translation>
        </message>
        <message>
            <source>Network name</source>
            <translation>Netzwerkname</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>Modus</translation>
        </message>
        <message>
            <source>Subnet</source>
            <translation>Subnetz</translation>
        </message>
        <message>
            <source>DHCP start</source>
            <translation>DHCP-Anfang</translation>
        </message>
        <message>
            <source>DHCP end</source>
            <translation>DHCP-Ende</translation>
        </message>
        <message>
            <source>Forward device</source>
            <translation>Weiterleitungsgerät</translation>
        </message>
    </context>
    <context>
        <name>host.network_view</name>
        <message>
            <source>Stop the network (VMs on it lose their link)</source>
            <translation>Das Netzwerk stoppen (VMs darin verlieren ihre Verbindung)</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>Netzwerk</translation>
        </message>
        <message>
            <source>Virtual networks</source>
            <translation>Virtuelle Netzwerke</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>Modus</translation>
        </message>
        <message>
            <source>Subnet</source>
            <translation>Subnetz</translation>
        </message>
        <message>
            <source>DHCP range</source>
            <translation>DHCP-Bereich</translation>
        </message>
        <message>
            <source>Bridge</source>
            <translation>Bridge</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Autostart</source>
            <translation>Autostart</translation>
        </message>
        <message>
            <source>Used by</source>
            <translation>Verwendet von</translation>
        </message>
        <message>
            <source>Define a NAT, isolated or routed network</source>
            <translation>Ein NAT-, isoliertes oder geroutetes Netzwerk definieren</translation>
        </message>
        <message>
            <source>DHCP leases</source>
            <translation>DHCP-Zuweisungen</translation>
        </message>
        <message>
            <source>DHCP leases title</source>
            <translation>Titel der DHCP-Zuweisungen</translation>
        </message>
        <message>
            <source>IP address</source>
            <translation>IP-Adresse</translation>
        </message>
        <message>
            <source>MAC address</source>
            <translation>MAC-Adresse</translation>
        </message>
        <message>
            <source>Host name</source>
            <translation>Rechnername</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>Läuft ab</translation>
        </message>
        <message>
            <source>List virtual networks</source>
            <translation>Virtuelle Netzwerke auflisten</translation>
        </message>
        <message>
            <source>Read the DHCP leases of {name}</source>
            <translation>DHCP-Zuweisungen von {name} lesen</translation>
        </message>
        <message>
            <source>DHCP leases of {name}: {len}</source>
            <translation>DHCP-Zuweisungen von {name}: {len}</translation>
        </message>
        <message>
            <source>never</source>
            <translation>nie</translation>
        </message>
        <message>
            <source>Delete Virtual Network</source>
            <translation>Virtuelles Netzwerk löschen</translation>
        </message>
        <message>
            <source>Delete the network {name}? It is used by {users}: those VMs lose their link, and will not start until their NIC is moved to another network.</source>
            <translation>Das Netzwerk {name} löschen? Es wird von {users} verwendet: Diese VMs verlieren ihre Verbindung und starten erst wieder, wenn ihre Netzwerkkarte in ein anderes Netzwerk verlegt ist.</translation>
        </message>
        <message>
            <source>Delete network {name}</source>
            <translation>Netzwerk {name} löschen</translation>
        </message>
    </context>
    <context>
        <name>host.storage_view</name>
        <message>
            <source>Stop the pool (its volumes are kept)</source>
            <translation>Den Pool stoppen (seine Datenträger bleiben erhalten)</translation>
        </message>
        <message>
            <source>Pool</source>
            <translation>Pool</translation>
        </message>
        <message>
            <source>Storage pools</source>
            <translation>Speicherpools</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Typ</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Autostart</source>
            <translation>Autostart</translation>
        </message>
        <message>
            <source>Free</source>
            <translation>Frei</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Auffrischen</translation>
        </message>
        <message>
            <source>Re-read the pool's volumes from disk</source>
            <translation>Die Datenträger des Pools erneut von der Platte lesen</translation>
        </message>
        <message>
            <source>Volumes</source>
            <translation>Datenträger</translation>
        </message>
        <message>
            <source>Select all volumes</source>
            <translation>Alle Datenträger auswählen</translation>
        </message>
        <message>
            <source>Filter volumes by name</source>
            <translation>Datenträger nach Namen filtern</translation>
        </message>
        <message>
            <source>Filter volumes</source>
            <translation>Datenträger filtern</translation>
        </message>
        <message>
            <source>New Volume…</source>
            <translation>Neuer Datenträger …</translation>
        </message>
        <message>
            <source>Resize…</source>
            <translation>Größe ändern …</translation>
        </message>
        <message>
            <source>Delete Volume…</source>
            <translation>Datenträger löschen …</translation>
        </message>
        <message>
            <source>Upload…</source>
            <translation>Hochladen …</translation>
        </message>
        <message>
            <source>Copy a local file into a new volume</source>
            <translation>Eine lokale Datei in einen neuen Datenträger kopieren</translation>
        </message>
        <message>
            <source>Download…</source>
            <translation>Herunterladen …</translation>
        </message>
        <message>
            <source>Copy the volume into a local file</source>
            <translation>Den Datenträger in eine lokale Datei kopieren</translation>
        </message>
        <message>
            <source>Transfer progress</source>
            <translation>Übertragungsfortschritt</translation>
        </message>
        <message>
            <source>Refresh pool</source>
            <translation>Pool auffrischen</translation>
        </message>
        <message>
            <source>List storage pools</source>
            <translation>Speicherpools auflisten</translation>
        </message>
        <message>
            <source>List the volumes of {name}</source>
            <translation>Datenträger von {name} auflisten</translation>
        </message>
        <message>
            <source>Read the volumes of {pool}</source>
            <translation>Datenträger von {pool} lesen</translation>
        </message>
        <message>
            <source>Delete Storage Pool</source>
            <translation>Speicherpool löschen</translation>
        </message>
        <message>
            <source>Delete pool {name}</source>
            <translation>Pool {name} löschen</translation>
        </message>
        <message>
            <source>Also delete its storage (every volume in it)</source>
            <translation>Auch seinen Speicher löschen (jeden Datenträger darin)</translation>
        </message>
        <message>
            <source>Create volume {name}</source>
            <translation>Datenträger {name} erstellen</translation>
        </message>
        <message>
            <source>Resize volume {name}</source>
            <translation>Größe des Datenträgers {name} ändern</translation>
        </message>
        <message>
            <source>Delete Volume</source>
            <translation>Datenträger löschen</translation>
        </message>
        <message>
            <source>Delete the volume {name} ({path})? Its data is lost; a virtual machine using it will not start.</source>
            <translation>Den Datenträger {name} ({path}) löschen? Seine Daten gehen verloren; eine virtuelle Maschine, die ihn verwendet, startet nicht mehr.</translation>
        </message>
        <message>
            <source>Delete volume {name}</source>
            <translation>Datenträger {name} löschen</translation>
        </message>
        <message>
            <source>Upload a File into a New Volume</source>
            <translation>Datei in einen neuen Datenträger hochladen</translation>
        </message>
        <message>
            <source>Download {name}</source>
            <translation>{name} herunterladen</translation>
        </message>
        <message>
            <source>Upload {name}</source>
            <translation>{name} hochladen</translation>
        </message>
    </context>
    <context>
        <name>host.tab</name>
        <message>
            <source>{what} status</source>
            <translation>Status: {what}</translation>
        </message>
        <message>
            <source>{what}: done.</source>
            <translation>{what}: erledigt.</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <source>New {noun}…</source>
            <translation>Neu: {noun} …</translation>
        </message>
        <message>
            <source>Define a new {lower}</source>
            <translation>Neu definieren: {noun}</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Starten</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Stoppen</translation>
        </message>
        <message>
            <source>Autostart</source>
            <translation>Autostart</translation>
        </message>
        <message>
            <source>Start it when the host starts</source>
            <translation>Beim Start des Rechners starten</translation>
        </message>
        <message>
            <source>Delete {noun}…</source>
            <translation>Löschen: {noun} …</translation>
        </message>
        <message>
            <source>No autostart for</source>
            <translation>Kein Autostart für</translation>
        </message>
        <message>
            <source>Create {lower} {name}</source>
            <translation>{noun} {name} erstellen</translation>
        </message>
    </context>
    <context>
        <name>host.volume_model</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Used</source>
            <translation>Belegt</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Typ</translation>
        </message>
        <message>
            <source>Path</source>
            <translation>Pfad</translation>
        </message>
    </context>
    <context>
        <name>host_window</name>
        <message>
            <source>Overview</source>
            <translation>Übersicht</translation>
        </message>
        <message>
            <source>Storage</source>
            <translation>Speicher</translation>
        </message>
        <message>
            <source>Networks</source>
            <translation>Netzwerke</translation>
        </message>
        <message>
            <source>Diagnostics</source>
            <translation>Diagnose</translation>
        </message>
        <message>
            <source>Host views</source>
            <translation>Rechneransichten</translation>
        </message>
        <message>
            <source>Host — {connection_label} — kvmgui</source>
            <translation>Rechner — {connection_label} — kvmgui</translation>
        </message>
    </context>
    <context>
        <name>lifecycle</name>
        <message>
            <source>Start</source>
            <translation>Starten</translation>
        </message>
        <message>
            <source>start</source>
            <translation>starten</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Anhalten</translation>
        </message>
        <message>
            <source>pause</source>
            <translation>anhalten</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Fortsetzen</translation>
        </message>
        <message>
            <source>resume</source>
            <translation>fortsetzen</translation>
        </message>
        <message>
            <source>Shut Down</source>
            <translation>Herunterfahren</translation>
        </message>
        <message>
            <source>shut down</source>
            <translation>herunterfahren</translation>
        </message>
        <message>
            <source>Reboot</source>
            <translation>Neu starten</translation>
        </message>
        <message>
            <source>reboot</source>
            <translation>neu starten</translation>
        </message>
        <message>
            <source>Force Off</source>
            <translation>Ausschalten erzwingen</translation>
        </message>
        <message>
            <source>force off</source>
            <translation>hart ausschalten</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Sichern</translation>
        </message>
        <message>
            <source>save</source>
            <translation>sichern</translation>
        </message>
        <message>
            <source>{name} is transient: it cannot {verb}.</source>
            <translation>{name} ist flüchtig: Sie lässt sich nicht {verb}.</translation>
        </message>
        <message>
            <source>{name} is {state}: it cannot {verb} now.</source>
            <translation>{name} – {state}: Sie lässt sich jetzt nicht {verb}.</translation>
        </message>
    </context>
    <context>
        <name>mainwindow</name>
        <message>
            <source>Virtual machines</source>
            <translation>Virtuelle Maschinen</translation>
        </message>
        <message>
            <source>Filter</source>
            <translation>Filter</translation>
        </message>
        <message>
            <source>Filter: words, tag:web, state:running (Ctrl+F)</source>
            <translation>Filter: Wörter, tag:web, state:running (Strg+F)</translation>
        </message>
        <message>
            <source>Virtual machine screens</source>
            <translation>Bildschirme der virtuellen Maschinen</translation>
        </message>
        <message>
            <source>Virtual machines grouped by tag</source>
            <translation>Virtuelle Maschinen nach Schlagwort gruppiert</translation>
        </message>
        <message>
            <source>New VM…</source>
            <translation>Neue VM …</translation>
        </message>
        <message>
            <source>Create a virtual machine on the selected connection</source>
            <translation>Eine virtuelle Maschine auf der ausgewählten Verbindung erstellen</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>Open the details of the selected virtual machines</source>
            <translation>Die Details der ausgewählten virtuellen Maschinen öffnen</translation>
        </message>
        <message>
            <source>Thumbnails</source>
            <translation>Vorschaubilder</translation>
        </message>
        <message>
            <source>Show the screens of running VMs instead of the list</source>
            <translation>Die Bildschirme laufender VMs statt der Liste zeigen</translation>
        </message>
        <message>
            <source>Group by Tag</source>
            <translation>Nach Schlagwort gruppieren</translation>
        </message>
        <message>
            <source>Show the VMs in groups by tag, templates apart; a group's row selects all its VMs</source>
            <translation>Die VMs nach Schlagwort gruppiert zeigen, Vorlagen getrennt; die Zeile einer Gruppe wählt alle ihre VMs</translation>
        </message>
        <message>
            <source>IP Address Column</source>
            <translation>Spalte IP-Adresse</translation>
        </message>
        <message>
            <source>Show running VMs' addresses (DHCP lease, guest agent, ARP)</source>
            <translation>Die Adressen laufender VMs zeigen (DHCP-Zuweisung, Gast-Agent, ARP)</translation>
        </message>
        <message>
            <source>New VM from Template…</source>
            <translation>Neue VM aus Vorlage …</translation>
        </message>
        <message>
            <source>Make a linked clone of a template and start it</source>
            <translation>Einen verknüpften Klon einer Vorlage erstellen und starten</translation>
        </message>
        <message>
            <source>Add Connection…</source>
            <translation>Verbindung hinzufügen …</translation>
        </message>
        <message>
            <source>Remove Connection</source>
            <translation>Verbindung entfernen</translation>
        </message>
        <message>
            <source>Reconnect</source>
            <translation>Neu verbinden</translation>
        </message>
        <message>
            <source>Open Demo Fleet</source>
            <translation>Demo-Flotte öffnen</translation>
        </message>
        <message>
            <source>Open libvirt's test driver on a demo fleet</source>
            <translation>Den Testtreiber von libvirt mit einer Demo-Flotte öffnen</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Beenden</translation>
        </message>
        <message>
            <source>About kvmgui</source>
            <translation>Über kvmgui</translation>
        </message>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation>Tastenkürzel</translation>
        </message>
        <message>
            <source>Preferences…</source>
            <translation>Einstellungen …</translation>
        </message>
        <message>
            <source>Host Overview</source>
            <translation>Rechnerübersicht</translation>
        </message>
        <message>
            <source>Show the host's CPU and memory (of the selected connection)</source>
            <translation>CPU und Speicher des Rechners zeigen (der ausgewählten Verbindung)</translation>
        </message>
        <message>
            <source>Storage…</source>
            <translation>Speicher …</translation>
        </message>
        <message>
            <source>Show the storage pools and volumes of the selected connection</source>
            <translation>Die Speicherpools und Datenträger der ausgewählten Verbindung zeigen</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Bearbeiten</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>&amp;Virtual Machine</source>
            <translation>&amp;Virtuelle Maschine</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>Hauptleiste</translation>
        </message>
        <message>
            <source>Retry now</source>
            <translation>Jetzt erneut versuchen</translation>
        </message>
        <message>
            <source>Diagnose…</source>
            <translation>Diagnose …</translation>
        </message>
        <message>
            <source>Open the demo</source>
            <translation>Demo öffnen</translation>
        </message>
        <message>
            <source>not connected</source>
            <translation>nicht verbunden</translation>
        </message>
        <message>
            <source>{uri} {what}: {error}
kvmgui retries by itself.</source>
            <translation>{uri} {what}: {error}
kvmgui versucht es selbst erneut.</translation>
        </message>
        <message>
            <source>{name} has no graphical or serial console.</source>
            <translation>{name} hat weder grafische noch serielle Konsole.</translation>
        </message>
        <message>
            <source>{name} has no graphical display (SPICE or VNC), but it has a serial console.</source>
            <translation>{name} hat keine grafische Anzeige (SPICE oder VNC), aber eine serielle Konsole.</translation>
        </message>
        <message>
            <source>Open Serial Console</source>
            <translation>Serielle Konsole öffnen</translation>
        </message>
        <message numerus="yes">
            <source>%n throwaway VM(s) on {uri} left overlays behind (kvmgui was not running when they stopped): </source>
            <translation>
                <numerusform>%n Wegwerf-VM auf {uri} hat Overlays hinterlassen (kvmgui lief nicht, als sie stoppte): </numerusform>
                <numerusform>%n Wegwerf-VMs auf {uri} haben Overlays hinterlassen (kvmgui lief nicht, als sie stoppten): </numerusform>
            </translation>
        </message>
        <message>
            <source>Remove Them</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <source>Select the connection to create the VM on.</source>
            <translation>Wählen Sie die Verbindung, auf der die VM erstellt werden soll.</translation>
        </message>
        <message>
            <source>Add a connection first (File → Add Connection).</source>
            <translation>Fügen Sie zuerst eine Verbindung hinzu (Datei → Verbindung hinzufügen).</translation>
        </message>
        <message>
            <source>Making {value} from {name}…</source>
            <translation>{value} wird aus {name} erstellt …</translation>
        </message>
        <message>
            <source>Could not make a VM from {name}</source>
            <translation>Aus {name} konnte keine VM erstellt werden</translation>
        </message>
        <message numerus="yes">
            <source> — %n connection(s)</source>
            <translation>
                <numerusform> — %n Verbindung</numerusform>
                <numerusform> — %n Verbindungen</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>media</name>
        <message>
            <source>an ISO</source>
            <translation>ein ISO-Abbild</translation>
        </message>
        <message>
            <source>a disk image</source>
            <translation>ein Plattenabbild</translation>
        </message>
        <message>
            <source>There is no such file.</source>
            <translation>Diese Datei gibt es nicht.</translation>
        </message>
        <message>
            <source>This is a folder, not an ISO image.</source>
            <translation>Dies ist ein Ordner, kein ISO-Abbild.</translation>
        </message>
        <message>
            <source>You may not read this file.</source>
            <translation>Sie dürfen diese Datei nicht lesen.</translation>
        </message>
        <message>
            <source>This is not an ISO image (no ISO 9660 volume descriptor).</source>
            <translation>Dies ist kein ISO-Abbild (kein ISO-9660-Volume-Deskriptor).</translation>
        </message>
        <message>
            <source>This is an ISO image: choose it as install media instead.</source>
            <translation>Dies ist ein ISO-Abbild: Wählen Sie es stattdessen als Installationsmedium.</translation>
        </message>
        <message>
            <source>This volume is in an unknown format: convert it to qcow2 first.</source>
            <translation>Dieser Datenträger hat ein unbekanntes Format: Wandeln Sie ihn zuerst in qcow2 um.</translation>
        </message>
        <message>
            <source>ISO image</source>
            <translation>ISO-Abbild</translation>
        </message>
        <message>
            <source>disk image</source>
            <translation>Plattenabbild</translation>
        </message>
        <message>
            <source>Choose an ISO image.</source>
            <translation>Wählen Sie ein ISO-Abbild.</translation>
        </message>
        <message>
            <source>Choose a disk image.</source>
            <translation>Wählen Sie ein Plattenabbild.</translation>
        </message>
        <message>
            <source>Choose {value} from one of the host's storage pools.</source>
            <translation>Wählen Sie {value} aus einem der Speicherpools des Rechners.</translation>
        </message>
        <message>
            <source>Could not read the image's header ({err}): choose another image.</source>
            <translation>Der Kopf des Abbilds konnte nicht gelesen werden ({err}): Wählen Sie ein anderes Abbild.</translation>
        </message>
        <message>
            <source>Give the full path of the {noun}.</source>
            <translation>Geben Sie den vollständigen Pfad an ({noun}).</translation>
        </message>
        <message>
            <source>QEMU runs as {name}, who may not enter {folder}: the VM would fail to start. Move the file (e.g. to /var/lib/libvirt/images) or let it in ('setfacl -m u:{name}:x {folder}').</source>
            <translation>QEMU läuft als {name}, der {folder} nicht betreten darf: Die VM würde nicht starten. Verschieben Sie die Datei (z. B. nach /var/lib/libvirt/images) oder gewähren Sie Zugang ('setfacl -m u:{name}:x {folder}').</translation>
        </message>
        <message>
            <source>This image reads its data through {join}: a VM made from it would see that file. Choose a self-contained image ('qemu-img convert -O qcow2 IMAGE NEW.qcow2' makes one).</source>
            <translation>Dieses Abbild liest seine Daten über {join}: Eine daraus erstellte VM würde diese Datei sehen. Wählen Sie ein eigenständiges Abbild ('qemu-img convert -O qcow2 IMAGE NEW.qcow2' erstellt eines).</translation>
        </message>
        <message>
            <source>This volume is a {format_} disk image, not an ISO image.</source>
            <translation>Dieser Datenträger ist ein {format_}-Plattenabbild, kein ISO-Abbild.</translation>
        </message>
        <message>
            <source>This volume is in {format_} format: convert it to qcow2 first.</source>
            <translation>Dieser Datenträger hat das Format {format_}: Wandeln Sie ihn zuerst in qcow2 um.</translation>
        </message>
    </context>
    <context>
        <name>models.domain_tree</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>vCPUs</source>
            <translation>vCPUs</translation>
        </message>
        <message>
            <source>Memory</source>
            <translation>Speicher</translation>
        </message>
        <message>
            <source>CPU usage</source>
            <translation>CPU-Last</translation>
        </message>
        <message>
            <source>Memory usage</source>
            <translation>Speicherlast</translation>
        </message>
        <message>
            <source>Disk I/O</source>
            <translation>Platten-E/A</translation>
        </message>
        <message>
            <source>Network I/O</source>
            <translation>Netzwerk-E/A</translation>
        </message>
        <message>
            <source>Snapshots</source>
            <translation>Schnappschüsse</translation>
        </message>
        <message>
            <source>IP address</source>
            <translation>IP-Adresse</translation>
        </message>
        <message>
            <source>Tags: </source>
            <extracomment>Where Role.THUMBNAIL comes from: (connection, UUID) -&gt; QIcon or None. Where the Snapshots column's counts come from: (connection, UUID) -&gt; count or None. Where Column.IP_ADDRESS comes from: (connection, UUID) -&gt; the guest's addresses.</extracomment>
            <translation>Schlagwörter: </translation>
        </message>
        <message>
            <source>Test driver ({value})</source>
            <translation>Testtreiber ({value})</translation>
        </message>
        <message>
            <source>QEMU/KVM</source>
            <translation>QEMU/KVM</translation>
        </message>
        <message>
            <source>QEMU/KVM user session</source>
            <translation>QEMU/KVM-Benutzersitzung</translation>
        </message>
    </context>
    <context>
        <name>models.tag_groups</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Schlagwörter</translation>
        </message>
        <message>
            <source>Group {name}, {len} virtual machines</source>
            <translation>Gruppe {name}, {len} virtuelle Maschinen</translation>
        </message>
    </context>
    <context>
        <name>networks</name>
        <message>
            <source>Enter a network name without '/'.</source>
            <translation>Geben Sie einen Netzwerknamen ohne '/' ein.</translation>
        </message>
        <message>
            <source>Enter the subnet as an IPv4 network, e.g. 192.168.150.0/24.</source>
            <translation>Geben Sie das Subnetz als IPv4-Netz ein, z. B. 192.168.150.0/24.</translation>
        </message>
        <message>
            <source>The subnet is too small (at most /29).</source>
            <translation>Das Subnetz ist zu klein (höchstens /29).</translation>
        </message>
        <message>
            <source>Enter the DHCP range as two IPv4 addresses.</source>
            <translation>Geben Sie den DHCP-Bereich als zwei IPv4-Adressen ein.</translation>
        </message>
        <message>
            <source>An isolated network forwards to no device.</source>
            <translation>Ein isoliertes Netzwerk leitet an kein Gerät weiter.</translation>
        </message>
        <message>
            <source>The DHCP range must lie within {value} to {value2} (the first address is the host's).</source>
            <translation>Der DHCP-Bereich muss zwischen {value} und {value2} liegen (die erste Adresse gehört dem Rechner).</translation>
        </message>
        <message>
            <source>undefine network {name}</source>
            <translation>Definition des Netzwerks {name} entfernen</translation>
        </message>
    </context>
    <context>
        <name>newvm</name>
        <message>
            <source>Give a password or an SSH key, or nobody can log in.</source>
            <translation>Geben Sie ein Passwort oder einen SSH-Schlüssel an, sonst kann sich niemand anmelden.</translation>
        </message>
        <message>
            <source>a cloud-init config needs a seed volume</source>
            <translation>eine cloud-init-Konfiguration braucht einen Seed-Datenträger</translation>
        </message>
        <message>
            <source>There is no storage pool for the disk.</source>
            <translation>Es gibt keinen Speicherpool für die Platte.</translation>
        </message>
        <message>
            <source>Give the disk a size.</source>
            <translation>Geben Sie der Platte eine Größe.</translation>
        </message>
        <message>
            <source>This host offers neither virtio nor SATA disks.</source>
            <translation>Dieser Rechner bietet weder virtio- noch SATA-Platten.</translation>
        </message>
        <message>
            <source>This host does not offer KVM: choose QEMU TCG.</source>
            <translation>Dieser Rechner bietet kein KVM: Wählen Sie QEMU TCG.</translation>
        </message>
        <message>
            <source>This host has no UEFI firmware (OVMF): choose BIOS.</source>
            <translation>Dieser Rechner hat keine UEFI-Firmware (OVMF): Wählen Sie BIOS.</translation>
        </message>
        <message>
            <source>This host has no Secure Boot firmware: choose plain UEFI.</source>
            <translation>Dieser Rechner hat keine Secure-Boot-Firmware: Wählen Sie einfaches UEFI.</translation>
        </message>
        <message>
            <source>Choose a usable disk image.</source>
            <translation>Wählen Sie ein verwendbares Plattenabbild.</translation>
        </message>
        <message>
            <source>Choose a network for the VM.</source>
            <translation>Wählen Sie ein Netzwerk für die VM.</translation>
        </message>
        <message>
            <source>the copy of the image</source>
            <translation>die Kopie des Abbilds</translation>
        </message>
        <message>
            <source>Set up the cloud-init user.</source>
            <translation>Richten Sie den cloud-init-Benutzer ein.</translation>
        </message>
        <message>
            <source>the overlay disk and the seed</source>
            <translation>die Overlay-Platte und den Seed</translation>
        </message>
        <message>
            <source>the disk</source>
            <translation>die Platte</translation>
        </message>
        <message>
            <source>Choose an ISO image.</source>
            <translation>Wählen Sie ein ISO-Abbild.</translation>
        </message>
        <message>
            <source>A VM named '{name}' already exists on this connection.</source>
            <translation>Auf dieser Verbindung gibt es schon eine VM namens '{name}'.</translation>
        </message>
        <message>
            <source>Choose a storage pool for {what}.</source>
            <translation>Wählen Sie einen Speicherpool für {what}.</translation>
        </message>
        <message>
            <source>Give the VM 1 to {cpus} vCPUs: the host has {cpus}.</source>
            <translation>Geben Sie der VM 1 bis {cpus} vCPUs: Der Rechner hat {cpus}.</translation>
        </message>
        <message>
            <source>Give the VM at least {size}.</source>
            <translation>Geben Sie der VM mindestens {size}.</translation>
        </message>
        <message>
            <source>Pool '{pool}' has only {size} free.</source>
            <translation>Pool '{pool}' hat nur {size} frei.</translation>
        </message>
        <message>
            <source>The disk must hold the image: at least {size}.</source>
            <translation>Die Platte muss das Abbild fassen: mindestens {size}.</translation>
        </message>
        <message>
            <source>The host has only {size}.</source>
            <translation>Der Rechner hat nur {size}.</translation>
        </message>
        <message>
            <source>This host's QEMU has no {GUEST_MACHINE} machine type.</source>
            <translation>Das QEMU dieses Rechners hat keinen Maschinentyp {GUEST_MACHINE}.</translation>
        </message>
    </context>
    <context>
        <name>ops</name>
        <message>
            <source>Unexpected error: {error}</source>
            <translation>Unerwarteter Fehler: {error}</translation>
        </message>
    </context>
    <context>
        <name>pools</name>
        <message>
            <source>Enter a pool name without '/'.</source>
            <translation>Geben Sie einen Poolnamen ohne '/' ein.</translation>
        </message>
        <message>
            <source>Enter the pool's directory as an absolute path.</source>
            <translation>Geben Sie das Verzeichnis des Pools als absoluten Pfad ein.</translation>
        </message>
        <message>
            <source>Enter the block device (/dev/…) that holds the file system.</source>
            <translation>Geben Sie das Blockgerät (/dev/…) ein, das das Dateisystem enthält.</translation>
        </message>
        <message>
            <source>Enter the NFS export as host:/path.</source>
            <translation>Geben Sie den NFS-Export als rechner:/pfad ein.</translation>
        </message>
        <message>
            <source>Enter the physical volume as /dev/…, or leave it empty for an existing group.</source>
            <translation>Geben Sie das physische Volume als /dev/… ein, oder lassen Sie es für eine vorhandene Gruppe leer.</translation>
        </message>
        <message>
            <source>undefine pool {name}</source>
            <translation>Definition des Pools {name} entfernen</translation>
        </message>
        <message>
            <source>unsupported volume format {fmt!r}</source>
            <translation>nicht unterstütztes Datenträgerformat {fmt!r}</translation>
        </message>
    </context>
    <context>
        <name>preferences</name>
        <message>
            <source>Statistics are read only for what is on screen: the list's columns (View menu), open Performance tabs and host overviews. Nothing is read while the main window is minimized.</source>
            <translation>Statistiken werden nur für Sichtbares gelesen: die Spalten der Liste (Menü Ansicht), offene Leistungsreiter und Rechnerübersichten. Ist das Hauptfenster minimiert, wird nichts gelesen.</translation>
        </message>
        <message>
            <source>Update interval:</source>
            <translation>Aktualisierungsintervall:</translation>
        </message>
        <message>
            <source>virt-viewer (attaches through libvirt)</source>
            <translation>virt-viewer (verbindet sich über libvirt)</translation>
        </message>
        <message>
            <source>remote-viewer (connects to the display's address)</source>
            <translation>remote-viewer (verbindet sich mit der Adresse der Anzeige)</translation>
        </message>
        <message>
            <source>Graphical console</source>
            <translation>Grafische Konsole</translation>
        </message>
        <message>
            <source>Serial console</source>
            <translation>Serielle Konsole</translation>
        </message>
        <message>
            <source>Details window</source>
            <translation>Detailfenster</translation>
        </message>
        <message>
            <source> running VMs</source>
            <translation> laufende VMs</translation>
        </message>
        <message>
            <source>Thumbnails are screenshots of the running VMs shown in the thumbnail view (View menu) and in open details windows; above the limit they are off.</source>
            <translation>Vorschaubilder sind Bildschirmfotos der laufenden VMs in der Vorschauansicht (Menü Ansicht) und in offenen Detailfenstern; über der Grenze sind sie aus.</translation>
        </message>
        <message>
            <source>Graphical console viewer:</source>
            <translation>Betrachter für die grafische Konsole:</translation>
        </message>
        <message>
            <source>After creating a VM, open:</source>
            <translation>Nach dem Erstellen einer VM öffnen:</translation>
        </message>
        <message>
            <source>Thumbnail refresh:</source>
            <translation>Vorschaubilder auffrischen:</translation>
        </message>
        <message>
            <source>Thumbnails up to:</source>
            <translation>Vorschaubilder bis:</translation>
        </message>
        <message>
            <source>Preferences — kvmgui</source>
            <translation>Einstellungen — kvmgui</translation>
        </message>
        <message>
            <source>Statistics</source>
            <translation>Statistiken</translation>
        </message>
        <message>
            <source>Consoles</source>
            <translation>Konsolen</translation>
        </message>
    </context>
    <context>
        <name>shortcuts</name>
        <message>
            <source>Other</source>
            <translation>Sonstige</translation>
        </message>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation>Tastenkürzel</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Tastenkürzel</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Aktion</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Tasten</translation>
        </message>
    </context>
    <context>
        <name>snapshot_column</name>
        <message>
            <source>Snapshots Column</source>
            <translation>Spalte Schnappschüsse</translation>
        </message>
        <message>
            <source>Show how many snapshots each VM has</source>
            <translation>Zeigen, wie viele Schnappschüsse jede VM hat</translation>
        </message>
        <message>
            <source>Could not count snapshots</source>
            <translation>Schnappschüsse konnten nicht gezählt werden</translation>
        </message>
    </context>
    <context>
        <name>snapshots</name>
        <message>
            <source>This VM boots with UEFI firmware. libvirt 9.0 cannot take internal snapshots of UEFI VMs (their firmware variables live in a separate NVRAM file).</source>
            <translation>Diese VM startet mit UEFI-Firmware. libvirt 9.0 kann keine internen Schnappschüsse von UEFI-VMs aufnehmen (ihre Firmware-Variablen liegen in einer eigenen NVRAM-Datei).</translation>
        </message>
        <message>
            <source>This is a disk-only external snapshot: libvirt 9.0 cannot revert to it. Its frozen disk files are kept unchanged under the overlays the VM writes to now; with the VM shut off, Restore Disks puts its disks back on those files.</source>
            <translation>Das ist ein externer Schnappschuss nur der Platten: libvirt 9.0 kann nicht auf ihn zurücksetzen. Seine eingefrorenen Plattendateien bleiben unverändert unter den Overlays, in die die VM jetzt schreibt; bei ausgeschalteter VM setzt Platten wiederherstellen ihre Platten wieder auf diese Dateien.</translation>
        </message>
        <message>
            <source>libvirt 9.0 cannot delete external snapshots with their files. kvmgui can forget it (remove libvirt's record of it); every disk file is kept.</source>
            <translation>libvirt 9.0 kann externe Schnappschüsse nicht mitsamt ihren Dateien löschen. kvmgui kann ihn vergessen (den Eintrag von libvirt entfernen); jede Plattendatei bleibt erhalten.</translation>
        </message>
        <message>
            <source>running</source>
            <translation>läuft</translation>
        </message>
        <message>
            <source>paused</source>
            <translation>angehalten</translation>
        </message>
        <message>
            <source>shut off</source>
            <translation>ausgeschaltet</translation>
        </message>
        <message>
            <source>running (disks only)</source>
            <translation>läuft (nur Platten)</translation>
        </message>
        <message>
            <source>kvmgui offers a disk-only external snapshot instead: it freezes the disk files and puts new writes on overlays, without the memory.</source>
            <translation>kvmgui bietet stattdessen einen externen Schnappschuss nur der Platten an: Er friert die Plattendateien ein und schreibt Neues in Overlays, ohne den Arbeitsspeicher.</translation>
        </message>
        <message>
            <source>Shut the VM down first: its disks change files only while off.</source>
            <translation>Fahren Sie die VM zuerst herunter: Ihre Platten wechseln die Dateien nur im ausgeschalteten Zustand.</translation>
        </message>
        <message>
            <source>Internal snapshots live inside qcow2 disks, and {disks} is not qcow2. kvmgui offers a disk-only external snapshot instead.</source>
            <translation>Interne Schnappschüsse liegen in qcow2-Platten, und {disks} ist nicht qcow2. kvmgui bietet stattdessen einen externen Schnappschuss nur der Platten an.</translation>
        </message>
        <message>
            <source>libvirt kept no record of {name}'s disks.</source>
            <translation>libvirt hat keinen Eintrag über die Platten von {name} behalten.</translation>
        </message>
        <message>
            <source>{name} has newer snapshots on top of it: forget those first.</source>
            <translation>Auf {name} bauen neuere Schnappschüsse auf: Vergessen Sie diese zuerst.</translation>
        </message>
    </context>
    <context>
        <name>stats_columns</name>
        <message>
            <source>{value} Column</source>
            <translation>Spalte {value}</translation>
        </message>
        <message>
            <source>Show the live {value} of running VMs</source>
            <translation>Die aktuelle {value} laufender VMs zeigen</translation>
        </message>
    </context>
    <context>
        <name>stats_poller</name>
        <message>
            <source>read statistics</source>
            <extracomment>Points a list sparkline shows: one minute at the default interval. The list column of each statistics group, in column order.</extracomment>
            <translation>Statistiken lesen</translation>
        </message>
    </context>
    <context>
        <name>storage</name>
        <message>
            <source>it is in none of the host's storage pools</source>
            <translation>sie liegt in keinem Speicherpool des Rechners</translation>
        </message>
        <message>
            <source>Pool {pool!r} is full: it ran out of space while {what} was written ({what} needs {needed}; {free} was free when it began, {free_after} is free now).</source>
            <translation>Der Speicherpool {pool!r} ist voll: Der Platz ging aus, während {what} geschrieben wurde ({what} braucht {needed}; zu Beginn waren {free} frei, jetzt sind {free_after} frei).</translation>
        </message>
        <message>
            <source>Pool {pool!r} is full: {what} needs {needed} and only {free} is free.</source>
            <translation>Der Speicherpool {pool!r} ist voll: {what} braucht {needed}, und nur {free} sind frei.</translation>
        </message>
    </context>
    <context>
        <name>tags_dialog</name>
        <message>
            <source>Tags of {names}</source>
            <translation>Schlagwörter von {names}</translation>
        </message>
        <message>
            <source>Edit tags</source>
            <translation>Schlagwörter bearbeiten</translation>
        </message>
        <message>
            <source>Untick a tag to remove it</source>
            <translation>Kreuz entfernen, um ein Schlagwort zu entfernen</translation>
        </message>
        <message>
            <source> from every VM.</source>
            <translation> von jeder VM.</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Schlagwörter</translation>
        </message>
        <message>
            <source>New tags, separated by spaces</source>
            <translation>Neue Schlagwörter, durch Leerzeichen getrennt</translation>
        </message>
        <message>
            <source>New tags</source>
            <translation>Neue Schlagwörter</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>Add:</source>
            <translation>Hinzufügen:</translation>
        </message>
    </context>
    <context>
        <name>template_dialog</name>
        <message>
            <source>New VM from Template</source>
            <translation>Neue VM aus Vorlage</translation>
        </message>
        <message>
            <source>A linked clone of the template is made and started, named after it.</source>
            <translation>Ein verknüpfter Klon der Vorlage wird erstellt und gestartet, nach ihr benannt.</translation>
        </message>
        <message>
            <source>There is no template yet. Shut a VM off and use Virtual Machine → Make Template.</source>
            <translation>Es gibt noch keine Vorlage. Schalten Sie eine VM aus und wählen Sie Virtuelle Maschine → Zur Vorlage machen.</translation>
        </message>
        <message>
            <source>Templates</source>
            <translation>Vorlagen</translation>
        </message>
        <message>
            <source>Create and Start</source>
            <translation>Erstellen und starten</translation>
        </message>
    </context>
    <context>
        <name>templates</name>
        <message>
            <source>{name} is running: shut it down first.</source>
            <translation>{name} läuft: Fahren Sie sie zuerst herunter.</translation>
        </message>
        <message>
            <source>{name} is transient: only a defined VM can be a template.</source>
            <translation>{name} ist flüchtig: Nur eine definierte VM kann eine Vorlage sein.</translation>
        </message>
    </context>
    <context>
        <name>throwaway</name>
        <message>
            <source>Could not remove: {left}.</source>
            <translation>Nicht entfernt werden konnte: {left}.</translation>
        </message>
        <message>
            <source>Could not run a throwaway of {name}</source>
            <translation>Eine Wegwerf-VM von {name} konnte nicht gestartet werden</translation>
        </message>
        <message>
            <source>{name} is running: shut it down first. A throwaway reads through its disks, which must not change under it.</source>
            <translation>{name} läuft: Fahren Sie sie zuerst herunter. Eine Wegwerf-VM liest durch ihre Platten, die sich darunter nicht ändern dürfen.</translation>
        </message>
        <message>
            <source>{step} failed: {message}</source>
            <translation>Fehlgeschlagen bei „{step}“: {message}</translation>
        </message>
    </context>
    <context>
        <name>throwaways</name>
        <message>
            <source>look for throwaway leftovers</source>
            <translation>nach Resten von Wegwerf-VMs suchen</translation>
        </message>
        <message>
            <source>Could not remove a throwaway VM's overlays</source>
            <translation>Die Overlays einer Wegwerf-VM konnten nicht entfernt werden</translation>
        </message>
        <message>
            <source>Could not remove a throwaway VM's overlays: </source>
            <translation>Die Overlays einer Wegwerf-VM konnten nicht entfernt werden: </translation>
        </message>
    </context>
    <context>
        <name>uncaught</name>
        <message>
            <source>in the GUI</source>
            <translation>in der Oberfläche</translation>
        </message>
        <message>
            <source>a thread</source>
            <translation>ein Thread</translation>
        </message>
        <message>
            <source>in a background task</source>
            <translation>in einer Hintergrundaufgabe</translation>
        </message>
        <message>
            <source>The details are in the log: {_log_file}</source>
            <translation>Die Einzelheiten stehen im Protokoll: {_log_file}</translation>
        </message>
        <message>
            <source>No log file could be written; run kvmgui --debug to see the details.</source>
            <translation>Es konnte keine Protokolldatei geschrieben werden; starten Sie kvmgui --debug, um die Einzelheiten zu sehen.</translation>
        </message>
        <message>
            <source>kvmgui: unexpected error</source>
            <translation>kvmgui: unerwarteter Fehler</translation>
        </message>
        <message>
            <source>kvmgui met an unexpected error {where} and carried on; what you were doing may not have finished.

{summary}

{where_to_read}</source>
            <translation>kvmgui ist auf einen unerwarteten Fehler gestoßen ({where}) und hat weitergemacht; was Sie gerade taten, ist womöglich nicht abgeschlossen.

{summary}

{where_to_read}</translation>
        </message>
        <message numerus="yes">
            <source>%n more unexpected error(s) since.</source>
            <translation>
                <numerusform>Seitdem %n weiterer unerwarteter Fehler.</numerusform>
                <numerusform>Seitdem %n weitere unerwartete Fehler.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>uri</name>
        <message>
            <source>qemu+libssh crashes libvirt 9.0's client when calls overlap: use qemu+libssh2 (the same questions, in kvmgui's dialogs) or qemu+ssh.</source>
            <translation>qemu+libssh bringt den Client von libvirt 9.0 zum Absturz, wenn sich Aufrufe überschneiden: Verwenden Sie qemu+libssh2 (dieselben Fragen, in den Dialogen von kvmgui) oder qemu+ssh.</translation>
        </message>
        <message>
            <source>Enter the host to connect to.</source>
            <translation>Geben Sie den Rechner ein, mit dem verbunden werden soll.</translation>
        </message>
        <message>
            <source>qemu+tcp sends everything unencrypted and usually without authentication: prefer qemu+ssh or qemu+tls.</source>
            <translation>qemu+tcp sendet alles unverschlüsselt und meist ohne Authentifizierung: Verwenden Sie lieber qemu+ssh oder qemu+tls.</translation>
        </message>
        <message>
            <source>Enter a connection URI, for example qemu:///system.</source>
            <translation>Geben Sie eine Verbindungs-URI ein, zum Beispiel qemu:///system.</translation>
        </message>
        <message>
            <source>A connection URI has no '#' part.</source>
            <translation>Eine Verbindungs-URI hat keinen '#'-Teil.</translation>
        </message>
        <message>
            <source>A remote URI needs a host, as in qemu+ssh://user@host/system.</source>
            <translation>Eine entfernte URI braucht einen Rechner, wie in qemu+ssh://user@host/system.</translation>
        </message>
        <message>
            <source>A QEMU URI ends in /system or /session.</source>
            <translation>Eine QEMU-URI endet auf /system oder /session.</translation>
        </message>
        <message>
            <source>Malformed URI: {err}.</source>
            <translation>Fehlerhafte URI: {err}.</translation>
        </message>
        <message>
            <source>No such test driver file: {path}</source>
            <translation>Diese Testtreiber-Datei gibt es nicht: {path}</translation>
        </message>
        <message>
            <source>The URI parameter {key!r} is not allowed here.</source>
            <translation>Der URI-Parameter {key!r} ist hier nicht erlaubt.</translation>
        </message>
        <message>
            <source>The transport {transport!r} is not allowed (use one of: {join}).</source>
            <translation>Der Transport {transport!r} ist nicht erlaubt (erlaubt: {join}).</translation>
        </message>
        <message>
            <source>Unknown hypervisor driver {driver!r} (known: {join}).</source>
            <translation>Unbekannter Hypervisor-Treiber {driver!r} (bekannt: {join}).</translation>
        </message>
        <message>
            <source>{host!r} is not a host name or IP address.</source>
            <translation>{host!r} ist kein Rechnername und keine IP-Adresse.</translation>
        </message>
        <message>
            <source>{path!r} is not an absolute path to a private key.</source>
            <translation>{path!r} ist kein absoluter Pfad zu einem privaten Schlüssel.</translation>
        </message>
        <message>
            <source>{port} is not a TCP port.</source>
            <translation>{port} ist kein TCP-Port.</translation>
        </message>
        <message>
            <source>{scheme!r} is not a valid URI scheme.</source>
            <translation>{scheme!r} ist kein gültiges URI-Schema.</translation>
        </message>
        <message>
            <source>{scheme} is local and names no host: use {scheme}:///…</source>
            <translation>{scheme} ist lokal und nennt keinen Rechner: Verwenden Sie {scheme}:///…</translation>
        </message>
        <message>
            <source>{text!r} is not a URI: it needs a scheme, as in qemu:///system.</source>
            <translation>{text!r} ist keine URI: Sie braucht ein Schema, wie in qemu:///system.</translation>
        </message>
        <message>
            <source>{transport!r} is not an SSH transport.</source>
            <translation>{transport!r} ist kein SSH-Transport.</translation>
        </message>
        <message>
            <source>{user!r} is not a user name (letters, digits, '.', '_', '-').</source>
            <translation>{user!r} ist kein Benutzername (Buchstaben, Ziffern, '.', '_', '-').</translation>
        </message>
    </context>
    <context>
        <name>vm_actions</name>
        <message>
            <source>Each stops at once, like pulling its power cord: what its guest has not written to disk is lost.</source>
            <translation>Jede stoppt sofort, wie beim Ziehen des Netzsteckers: Was ihr Gast nicht auf die Platte geschrieben hat, geht verloren.</translation>
        </message>
        <message>
            <source>Each is stopped with its memory saved to the host's disk, which needs as much free space as their memory.</source>
            <translation>Jede wird gestoppt und ihr Speicher auf der Platte des Rechners gesichert; das braucht so viel freien Platz wie ihr Speicher.</translation>
        </message>
        <message>
            <source>{label} the selected virtual machines</source>
            <translation>Ausgewählte virtuelle Maschinen: {label}</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Löschen …</translation>
        </message>
        <message>
            <source>Delete the selected virtual machines</source>
            <translation>Die ausgewählten virtuellen Maschinen löschen</translation>
        </message>
        <message>
            <source>Open Console</source>
            <translation>Konsole öffnen</translation>
        </message>
        <message>
            <source>Open the graphical console of the selected VMs</source>
            <translation>Die grafische Konsole der ausgewählten VMs öffnen</translation>
        </message>
        <message>
            <source>Could not {verb} {name}</source>
            <translation>Fehlgeschlagen: {name} {verb}</translation>
        </message>
        <message>
            <source>{label} {len} virtual machines?</source>
            <translation>{len} virtuelle Maschinen: {label}?</translation>
        </message>
        <message>
            <source>{label} {len} virtual machines: {names}?

</source>
            <translation>{len} virtuelle Maschinen: {label}? ({names})

</translation>
        </message>
        <message>
            <source>{template} backs the disks of: {join}.</source>
            <translation>{template} liegt unter den Platten von: {join}.</translation>
        </message>
        <message>
            <source>Delete Template</source>
            <translation>Vorlage löschen</translation>
        </message>
        <message>
            <source>
Those clones read through the template's disks: deleting its disks leaves them unable to start.</source>
            <translation>
Diese Klone lesen durch die Platten der Vorlage: Werden ihre Platten gelöscht, starten sie nicht mehr.</translation>
        </message>
        <message>
            <source>Continue…</source>
            <translation>Fortfahren …</translation>
        </message>
        <message>
            <source>Could not delete {name}</source>
            <translation>{name} konnte nicht gelöscht werden</translation>
        </message>
        <message>
            <source>Could not send {label} to {name}</source>
            <translation>{label} konnte nicht an {name} gesendet werden</translation>
        </message>
        <message>
            <source>Take Snapshot…</source>
            <translation>Schnappschuss aufnehmen …</translation>
        </message>
        <message>
            <source>Take a snapshot of the selected virtual machine</source>
            <translation>Einen Schnappschuss der ausgewählten virtuellen Maschine aufnehmen</translation>
        </message>
        <message>
            <source>Revert to…</source>
            <translation>Zurücksetzen auf …</translation>
        </message>
        <message>
            <source>Revert the selected virtual machine to one of its snapshots</source>
            <translation>Die ausgewählte virtuelle Maschine auf einen ihrer Schnappschüsse zurücksetzen</translation>
        </message>
        <message>
            <source>Clone…</source>
            <translation>Klonen …</translation>
        </message>
        <message>
            <source>Make one or more clones (full or linked) of the selected VM</source>
            <translation>Einen oder mehrere Klone (vollständig oder verknüpft) der ausgewählten VM erstellen</translation>
        </message>
        <message>
            <source>Tags…</source>
            <translation>Schlagwörter …</translation>
        </message>
        <message>
            <source>Add or remove tags on the selected virtual machines</source>
            <translation>Schlagwörter der ausgewählten virtuellen Maschinen hinzufügen oder entfernen</translation>
        </message>
        <message>
            <source>Make Template…</source>
            <translation>Zur Vorlage machen …</translation>
        </message>
        <message>
            <source>Keep the selected shut-off VMs as templates for linked clones</source>
            <translation>Die ausgewählten ausgeschalteten VMs als Vorlagen für verknüpfte Klone behalten</translation>
        </message>
        <message>
            <source>Run Throwaway</source>
            <translation>Wegwerfkopie starten</translation>
        </message>
        <message>
            <source>Start a temporary copy of the selected shut-off VM; it is gone when it shuts down</source>
            <translation>Eine vorübergehende Kopie der ausgewählten ausgeschalteten VM starten; sie verschwindet beim Herunterfahren</translation>
        </message>
        <message>
            <source>Copy SSH Command</source>
            <translation>SSH-Befehl kopieren</translation>
        </message>
        <message>
            <source>Copy the command that logs into the selected running VM over SSH</source>
            <translation>Den Befehl kopieren, der sich per SSH an der ausgewählten laufenden VM anmeldet</translation>
        </message>
        <message>
            <source>Open SSH Terminal</source>
            <translation>SSH-Terminal öffnen</translation>
        </message>
        <message>
            <source>Log into the selected running VM over SSH in a terminal window</source>
            <translation>Sich in einem Terminalfenster per SSH an der ausgewählten laufenden VM anmelden</translation>
        </message>
        <message>
            <source>{name} has no IP address yet (no DHCP lease, guest agent or ARP entry): wait until it is up, then try again.</source>
            <translation>{name} hat noch keine IP-Adresse (keine DHCP-Zuweisung, kein Gast-Agent, kein ARP-Eintrag): Warten Sie, bis sie läuft, und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>Could not read the address of {name}</source>
            <translation>Die Adresse von {name} konnte nicht gelesen werden</translation>
        </message>
        <message>
            <source>Copied: {line}</source>
            <translation>Kopiert: {line}</translation>
        </message>
        <message>
            <source>SSH: {name}</source>
            <translation>SSH: {name}</translation>
        </message>
        <message>
            <source>Could not run a throwaway of {name}</source>
            <translation>Wegwerfkopie von {name} konnte nicht gestartet werden</translation>
        </message>
        <message>
            <source>Make Template</source>
            <translation>Zur Vorlage machen</translation>
        </message>
        <message>
            <source>Make {names} a template? Its disks become read-only for its own guest, so that its linked clones stay sound; clones get writable disks of their own.</source>
            <translation>{names} zur Vorlage machen? Ihre Platten werden für den eigenen Gast schreibgeschützt, damit ihre verknüpften Klone intakt bleiben; Klone erhalten eigene beschreibbare Platten.</translation>
        </message>
        <message>
            <source>Could not make {name} a template</source>
            <translation>{name} konnte nicht zur Vorlage gemacht werden</translation>
        </message>
        <message>
            <source>Could not change the tags of {name}</source>
            <translation>Die Schlagwörter von {name} konnten nicht geändert werden</translation>
        </message>
        <message>
            <source>Could not look for the clones of {name}</source>
            <translation>Nach den Klonen von {name} konnte nicht gesucht werden</translation>
        </message>
        <message>
            <source>{name} was deleted, but not all of its storage: </source>
            <translation>{name} wurde gelöscht, aber nicht ihr ganzer Speicher: </translation>
        </message>
    </context>
    <context>
        <name>widgets.message_bar</name>
        <message>
            <source>Dismiss</source>
            <translation>Schließen</translation>
        </message>
    </context>
    <context>
        <name>wizard.finish_page</name>
        <message>
            <source>Name and finish</source>
            <translation>Name und Abschluss</translation>
        </message>
        <message>
            <source>the name of a bridge on the host, e.g. br0</source>
            <translation>Name einer Bridge auf dem Rechner, z. B. br0</translation>
        </message>
        <message>
            <source>Host bridge name</source>
            <translation>Name der Bridge des Rechners</translation>
        </message>
        <message>
            <source>Customize before install (review and edit the XML)</source>
            <translation>Vor der Installation anpassen (XML prüfen und bearbeiten)</translation>
        </message>
        <message>
            <source>Equivalent virt-install command</source>
            <translation>Entsprechender virt-install-Befehl</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Kopieren</translation>
        </message>
        <message>
            <source>Copy the virt-install command to the clipboard</source>
            <translation>Den virt-install-Befehl in die Zwischenablage kopieren</translation>
        </message>
        <message>
            <source>Diagnose the Host…</source>
            <translation>Rechner diagnostizieren …</translation>
        </message>
        <message>
            <source>Check KVM, firmware, networks, pools and free space</source>
            <translation>KVM, Firmware, Netzwerke, Pools und freien Platz prüfen</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Network:</source>
            <translation>Netzwerk:</translation>
        </message>
        <message>
            <source>Firmware:</source>
            <translation>Firmware:</translation>
        </message>
        <message>
            <source>Virtualization:</source>
            <translation>Virtualisierung:</translation>
        </message>
        <message>
            <source>Equivalent virt-install command:</source>
            <translation>Entsprechender virt-install-Befehl:</translation>
        </message>
        <message>
            <source> (inactive: started on Create)</source>
            <translation> (inaktiv: wird beim Erstellen gestartet)</translation>
        </message>
        <message>
            <source>Virtual network '{name}'{state}</source>
            <translation>Virtuelles Netzwerk '{name}'{state}</translation>
        </message>
        <message>
            <source>Host bridge {name}</source>
            <translation>Bridge {name} des Rechners</translation>
        </message>
        <message>
            <source>Host bridge (the host cannot list them: type its name)</source>
            <translation>Bridge des Rechners (der Rechner kann sie nicht auflisten: Namen eingeben)</translation>
        </message>
        <message>
            <source>User-mode networking</source>
            <translation>Netzwerk im Benutzermodus</translation>
        </message>
        <message>
            <source>BIOS</source>
            <translation>BIOS</translation>
        </message>
        <message>
            <source>UEFI (OVMF)</source>
            <translation>UEFI (OVMF)</translation>
        </message>
        <message>
            <source>UEFI with Secure Boot</source>
            <translation>UEFI mit Secure Boot</translation>
        </message>
        <message>
            <source>KVM (hardware acceleration)</source>
            <translation>KVM (Hardware-Beschleunigung)</translation>
        </message>
        <message>
            <source>QEMU TCG (software emulation, slow)</source>
            <translation>QEMU TCG (Software-Emulation, langsam)</translation>
        </message>
        <message>
            <source>Type the name of a bridge on the host.</source>
            <translation>Geben Sie den Namen einer Bridge auf dem Rechner ein.</translation>
        </message>
        <message>
            <source>This host offers no network for the VM.</source>
            <translation>Dieser Rechner bietet kein Netzwerk für die VM.</translation>
        </message>
    </context>
    <context>
        <name>wizard.resources_page</name>
        <message>
            <source>Memory, processors and disk</source>
            <translation>Speicher, Prozessoren und Platte</translation>
        </message>
        <message>
            <source>Reading the host…</source>
            <translation>Rechner wird gelesen …</translation>
        </message>
        <message>
            <source>Create a disk</source>
            <translation>Eine Platte erstellen</translation>
        </message>
        <message>
            <source>Storage pool:</source>
            <translation>Speicherpool:</translation>
        </message>
        <message>
            <source>Size:</source>
            <translation>Größe:</translation>
        </message>
        <message>
            <source>Memory:</source>
            <translation>Speicher:</translation>
        </message>
        <message>
            <source>vCPUs:</source>
            <translation>vCPUs:</translation>
        </message>
        <message>
            <source>The host has {format_mib} and {cpus} CPUs.</source>
            <translation>Der Rechner hat {format_mib} und {cpus} CPUs.</translation>
        </message>
        <message>
            <source>{size} free</source>
            <translation>{size} frei</translation>
        </message>
        <message>
            <source>free space unknown</source>
            <translation>freier Platz unbekannt</translation>
        </message>
        <message>
            <source>, created on Finish</source>
            <translation>, wird beim Abschließen erstellt</translation>
        </message>
    </context>
    <context>
        <name>wizard.source_page</name>
        <message>
            <source>Local install media (ISO image)</source>
            <translation>Lokales Installationsmedium (ISO-Abbild)</translation>
        </message>
        <message>
            <source>Import an existing disk image</source>
            <translation>Vorhandenes Plattenabbild importieren</translation>
        </message>
        <message>
            <source>Cloud image with cloud-init (user, password, SSH key)</source>
            <translation>Cloud-Abbild mit cloud-init (Benutzer, Passwort, SSH-Schlüssel)</translation>
        </message>
        <message>
            <source>Network boot (PXE)</source>
            <translation>Netzwerkstart (PXE)</translation>
        </message>
        <message>
            <source>Empty VM (no install source)</source>
            <translation>Leere VM (keine Installationsquelle)</translation>
        </message>
        <message>
            <source>From a template (a linked clone, started at once)</source>
            <translation>Aus einer Vorlage (ein verknüpfter Klon, sofort gestartet)</translation>
        </message>
        <message>
            <source>Where does the operating system come from?</source>
            <translation>Woher kommt das Betriebssystem?</translation>
        </message>
        <message>
            <source>This connection has no template yet: shut a VM off and use Virtual Machine → Make Template.</source>
            <translation>Diese Verbindung hat noch keine Vorlage: Schalten Sie eine VM aus und wählen Sie Virtuelle Maschine → Zur Vorlage machen.</translation>
        </message>
        <message>
            <source>The VM boots from the network first (PXE): the network must offer a boot server.</source>
            <translation>Die VM startet zuerst aus dem Netzwerk (PXE): Das Netzwerk muss einen Boot-Server bieten.</translation>
        </message>
        <message>
            <source>The VM gets no install source: attach one later, or boot it as it is.</source>
            <translation>Die VM erhält keine Installationsquelle: Fügen Sie später eine hinzu oder starten Sie sie so.</translation>
        </message>
        <message>
            <source>Operating system</source>
            <translation>Betriebssystem</translation>
        </message>
        <message>
            <source>Search the OS list (e.g. debian 12, fedora, win11)…</source>
            <translation>Betriebssystemliste durchsuchen (z. B. debian 12, fedora, win11) …</translation>
        </message>
        <message>
            <source>Reading the OS list…</source>
            <translation>Betriebssystemliste wird gelesen …</translation>
        </message>
        <message>
            <source>ISO image</source>
            <translation>ISO-Abbild</translation>
        </message>
        <message>
            <source>/path/to/install.iso (recently used ones in the list)</source>
            <translation>/pfad/zu/install.iso (zuletzt verwendete in der Liste)</translation>
        </message>
        <message>
            <source>/path/on/the/host/install.iso (or choose among the host's volumes)</source>
            <translation>/pfad/auf/dem/rechner/install.iso (oder unter den Datenträgern des Rechners wählen)</translation>
        </message>
        <message>
            <source>ISO image:</source>
            <translation>ISO-Abbild:</translation>
        </message>
        <message>
            <source>Disk image</source>
            <translation>Plattenabbild</translation>
        </message>
        <message>
            <source>/path/to/disk.qcow2 or disk.img</source>
            <translation>/pfad/zu/disk.qcow2 oder disk.img</translation>
        </message>
        <message>
            <source>Copy it into a storage pool (the original stays untouched)</source>
            <translation>In einen Speicherpool kopieren (das Original bleibt unberührt)</translation>
        </message>
        <message>
            <source>Disk image:</source>
            <translation>Plattenabbild:</translation>
        </message>
        <message>
            <source>Cloud image</source>
            <translation>Cloud-Abbild</translation>
        </message>
        <message>
            <source>/path/to/debian-12-genericcloud-amd64.qcow2</source>
            <translation>/pfad/zu/debian-12-genericcloud-amd64.qcow2</translation>
        </message>
        <message>
            <source>stored hashed (SHA-512 crypt); empty: key only</source>
            <translation>wird gehasht gespeichert (SHA-512 crypt); leer: nur Schlüssel</translation>
        </message>
        <message>
            <source>ssh-ed25519 AAAA… (from ~/.ssh/*.pub)</source>
            <translation>ssh-ed25519 AAAA… (aus ~/.ssh/*.pub)</translation>
        </message>
        <message>
            <source>the VM's name</source>
            <translation>der Name der VM</translation>
        </message>
        <message>
            <source>Cloud image:</source>
            <translation>Cloud-Abbild:</translation>
        </message>
        <message>
            <source>User:</source>
            <translation>Benutzer:</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>Passwort:</translation>
        </message>
        <message>
            <source>SSH public key:</source>
            <translation>Öffentlicher SSH-Schlüssel:</translation>
        </message>
        <message>
            <source>Host name:</source>
            <translation>Rechnername:</translation>
        </message>
        <message>
            <source>The new VM is a linked clone of the template, named after it with the first free number, and it starts at once.</source>
            <translation>Die neue VM ist ein verknüpfter Klon der Vorlage, nach ihr mit der ersten freien Nummer benannt, und startet sofort.</translation>
        </message>
        <message>
            <source>Templates</source>
            <translation>Vorlagen</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Durchsuchen …</translation>
        </message>
        <message>
            <source>Host volumes…</source>
            <translation>Datenträger des Rechners …</translation>
        </message>
        <message>
            <source>Choose among the volumes of the host's storage pools</source>
            <translation>Unter den Datenträgern der Speicherpools des Rechners wählen</translation>
        </message>
        <message>
            <source>ISO images (*.iso);;All files (*)</source>
            <translation>ISO-Abbilder (*.iso);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Disk images (*.qcow2 *.img *.raw);;All files (*)</source>
            <translation>Plattenabbilder (*.qcow2 *.img *.raw);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Cloud images (*.qcow2 *.img *.raw);;All files (*)</source>
            <translation>Cloud-Abbilder (*.qcow2 *.img *.raw);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Choose a file</source>
            <translation>Datei wählen</translation>
        </message>
        <message>
            <source>ISO images</source>
            <translation>ISO-Abbilder</translation>
        </message>
        <message>
            <source>disk images</source>
            <translation>Plattenabbilder</translation>
        </message>
        <message>
            <source>No {plural} in the host's storage pools</source>
            <translation>Keine {plural} in den Speicherpools des Rechners</translation>
        </message>
        <message>
            <source>Reading the host's storage pools…</source>
            <translation>Speicherpools des Rechners werden gelesen …</translation>
        </message>
        <message>
            <source>The ISO image is on the host, where its OS cannot be detected: choose it in the list.</source>
            <translation>Das ISO-Abbild liegt auf dem Rechner, wo sein Betriebssystem nicht erkannt werden kann: Wählen Sie es in der Liste.</translation>
        </message>
        <message>
            <source>Detecting the OS of the ISO image…</source>
            <translation>Betriebssystem des ISO-Abbilds wird erkannt …</translation>
        </message>
        <message>
            <source>{len} operating systems known; none chosen.</source>
            <translation>{len} Betriebssysteme bekannt; keines gewählt.</translation>
        </message>
        <message>
            <source>The OS of this ISO is unknown: choose it in the list.</source>
            <translation>Das Betriebssystem dieses ISO-Abbilds ist unbekannt: Wählen Sie es in der Liste.</translation>
        </message>
        <message>
            <source>Detected: {name}. Choose another in the list if wrong.</source>
            <translation>Erkannt: {name}. Wählen Sie ein anderes in der Liste, falls falsch.</translation>
        </message>
    </context>
    <context>
        <name>wizard.wizard</name>
        <message>
            <source>Customize the new VM's XML</source>
            <translation>XML der neuen VM anpassen</translation>
        </message>
        <message>
            <source>Create</source>
            <translation>Erstellen</translation>
        </message>
        <message>
            <source>The XML is not well-formed: {err}</source>
            <translation>Das XML ist nicht wohlgeformt: {err}</translation>
        </message>
        <message>
            <source>This XML is refused: {err}.</source>
            <translation>Dieses XML wird abgelehnt: {err}.</translation>
        </message>
        <message>
            <source>New virtual machine on {uri}</source>
            <translation>Neue virtuelle Maschine auf {uri}</translation>
        </message>
        <message>
            <source>Could not read what the host offers</source>
            <translation>Was der Rechner bietet, konnte nicht gelesen werden</translation>
        </message>
        <message>
            <source>Could not list the host's volumes</source>
            <translation>Die Datenträger des Rechners konnten nicht aufgelistet werden</translation>
        </message>
        <message>
            <source>Could not check {path}</source>
            <translation>{path} konnte nicht geprüft werden</translation>
        </message>
        <message>
            <source>the path</source>
            <translation>der Pfad</translation>
        </message>
        <message>
            <source>Create and Start</source>
            <translation>Erstellen und starten</translation>
        </message>
        <message>
            <source>The host is still being read.</source>
            <translation>Der Rechner wird noch gelesen.</translation>
        </message>
        <message>
            <source>Cannot create this VM: {err}</source>
            <translation>Diese VM kann nicht erstellt werden: {err}</translation>
        </message>
        <message>
            <source>Preparing</source>
            <translation>Vorbereiten</translation>
        </message>
        <message>
            <source>Hashing the password</source>
            <translation>Passwort wird gehasht</translation>
        </message>
        <message>
            <source>Could not create {name}</source>
            <translation>{name} konnte nicht erstellt werden</translation>
        </message>
    </context>
</TS>