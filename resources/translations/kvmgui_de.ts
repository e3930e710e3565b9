<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
    <context>
        <name>about</name>
        <message>
            <source>About kvmgui</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>A fast desktop manager for local KVM virtual machines.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Qt {qVersion}, PySide6 {pyside_version}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>read the hypervisor's version</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>add_connection</name>
        <message>
            <source>QEMU/KVM (system)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>QEMU/KVM user session</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>QEMU/KVM on a remote host over SSH</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>QEMU/KVM on a remote host with the ssh program (agent, ~/.ssh/config)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Custom URI</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Add Connection</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>user (optional)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>~/.ssh/id_… (optional: the agent's or the default keys)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Browse…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Hypervisor</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>User</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Host</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>SSH port</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>SSH private key</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Browse for the SSH private key</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Problem with this connection</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Warning about this connection</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Connect</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Hypervisor:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>User:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Host:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Port:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Key file:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>URI:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>SSH Private Key</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>clone_dialog</name>
        <message>
            <source>Clone {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Linked clone: a thin overlay on the source's disks</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Linked clone</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Full copy: disks of its own</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Full copy</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Name pattern</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{NUMBER} becomes each clone's number: 1, 2, 3…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Number of clones</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Start the clones</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Names of the clones</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Problem</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Cloning progress</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Progress of each clone</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Summary</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Clone</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Kind:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Name:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>How many:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Names:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{name} is running: shut it down first.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Clones of {name} get their own name, UUID, MAC addresses, UEFI variables and cloud-init identity. A linked clone reads through the source's disks, so the source must stay shut off while its linked clones exist (make it a template).</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{name}: waiting</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not clone {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{name}: failed at {lower}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{name}: not attempted</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>connection</name>
        <message>
            <source>Connecting</source>
            <extracomment>An open of a URI under way (see start_opening).</extracomment>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Connected</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Not connected</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Connection lost</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Closed</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The daemon went away.</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>console.send_keys</name>
        <message>
            <source>Send &amp;Key</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Send {label} to the selected virtual machines</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>console.serial_tab</name>
        <message>
            <source>Take Over</source>
            <extracomment>A console session began (every attach, reattaches included). The session ended: the reason, for the user. Guest output reached the terminal.</extracomment>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Disconnect the other client and attach here (libvirt's force flag)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Reconnect</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Attaching to the serial console of {name}…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{name} no longer exists.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Open the serial console</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Another client (virsh console, virt-manager…) holds the serial console of {name}.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{name} is {lower}. The console attaches when it starts.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{name} has no serial console.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{name} is not running. The console attaches when it starts.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not open the serial console of {name}: {message}</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>console.ssh_window</name>
        <message>
            <source>SSH terminal</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The guest's host key changed since kvmgui last connected (was it re-installed?). ssh refused it. If that is expected, delete {_known_hosts}.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The SSH session ended (exit status {status}).</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>console.thumbnails</name>
        <message>
            <source>take thumbnails</source>
            <extracomment>Why thumbnails are off ("" when they are on).</extracomment>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Thumbnails are off: {running} VMs run (more than {limit}, see Preferences).</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>console.viewer_launcher</name>
        <message>
            <source>Could not open the console of {name}</source>
            <extracomment>A message for the user (missing viewer, early exit with its stderr...). The VM has no SPICE or VNC display: (Connection, DomainInfo, has a serial console). A viewer process started: (URI, UUID). A second request found the viewer already running: (URI, UUID). The environment viewers run in (tests point DISPLAY at their own X server).</extracomment>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not open the console of {name}: {err}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not open the console of {name}: {install_hint}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>exited with code {exit_code}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source> at once</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The console viewer of {name} {why}{detail}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not start the console viewer of {name}: {errorString}</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>credentials</name>
        <message>
            <source>Connecting to {uri}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>libvirt asks, to connect to {uri}:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>y to accept, n to refuse</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>delete_dialog</name>
        <message numerus="yes">
            <source>Delete Virtual Machine(s)</source>
            <translation type="unfinished">
                <numerusform></numerusform>
                <numerusform></numerusform>
            </translation>
        </message>
        <message>
            <source>Delete {names}? Running machines are forced off first. Managed save, snapshot metadata and UEFI variables go with the definition.
Tick the storage to delete too: unticked disks are kept.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Disks</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Disk</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Path</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Also used by</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>reading disks…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not list the disks of {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>no disks</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{device}, cloud-init seed</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Not in a storage pool: kvmgui cannot delete it</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Holds the cloud-init user's password hash</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Deleting it breaks these VMs</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{path}
    used by {join}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete storage other VMs use?</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Other virtual machines use storage you ticked; deleting it breaks them:

</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete Anyway</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>details.graphs</name>
        <message>
            <source>seconds ago</source>
            <extracomment>The windows the user can choose, in seconds.</extracomment>
            <translation type="unfinished"/>
        </message>
        <message numerus="yes">
            <source>Last %n minute(s)</source>
            <translation type="unfinished">
                <numerusform></numerusform>
                <numerusform></numerusform>
            </translation>
        </message>
        <message>
            <source>Guest</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Host</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Guest: how busy the VM's virtual CPUs are.
Host: the share of the whole host it uses.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Memory</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Used</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Memory the guest reports in use (current balloon minus unused), or what QEMU holds on the host when the guest does not report it.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Disk</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Read</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Write</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Network</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Received</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Sent</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Host CPU</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Busy</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Host memory</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Total minus free, buffers and page cache.</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>details.hardware_editors</name>
        <message>
            <source>Hard disk</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>CD-ROM</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Network (PXE)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Floppy</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Now</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Apply the {what} change now</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>At next boot</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Apply the {what} change at next boot</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Apply:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{label} editor</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{label}: pending</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{label}: message</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Remove this {noun}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Remove {label}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Pending: the running VM still has its old setting; the one shown here takes effect at its next boot.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>This change needs a restart of the VM.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Current vCPUs</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Maximum vCPUs</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>CPU mode</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>(hypervisor default)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Named CPU model</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>e.g. Skylake-Client (with mode custom)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Current vCPUs:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Maximum vCPUs:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>CPU mode:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>CPU model:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Set the topology by hand</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Manual CPU topology</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Sockets</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Cores per socket</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Threads per core</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Topology:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Only the current vCPU count changes on a running VM.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Current memory</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Maximum memory</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Current memory:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Maximum memory:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Only the current memory (balloon) changes on a running VM.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Boot order</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Up</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Move the boot device up</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Down</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Move the boot device down</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Boot order:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Show the boot menu</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Boot menu</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{label} source</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Media:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Source:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>(empty) — the path of an ISO to insert</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{label}: ISO images in the host's storage pools</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Insert an ISO volume of the host…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>No ISO volumes in the host's storage pools</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Browse…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Choose an ISO file for {label}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Eject</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Eject the media of {label}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{label} bus</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{label} cache mode</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Read-only</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{label} read-only</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Shareable</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{label} shareable</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Bus:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Cache:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Also delete its storage (only if no other VM uses it)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete the storage of {label}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Choose an ISO image</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>ISO images (*.iso);;All files (*)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Bus, cache and flags of a disk change at its next boot.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{label} connection</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{label} network or bridge name</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{label} model</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{label} MAC address</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Link up (cable plugged in)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{label} link up</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Connection:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Network / bridge:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Model:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>MAC:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Only the link state and removal change on a running VM.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Display protocol</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Display listens on</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Nowhere: local viewers attach through libvirt</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>127.0.0.1 only (for SSH tunnels)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{value} (as defined)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Protocol:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Listen:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{label}: about</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Device:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>A serial port is removed at the next boot.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Video model</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Watchdog action</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>When it fires:</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>details.hardware_tab</name>
        <message>
            <source>Add Hardware</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Kind of hardware to add</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Disk (a new volume in a storage pool)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Disk (an existing image file or volume)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>CD-ROM</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Network interface</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Sound card</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Serial port (pty; at next boot)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>TPM 2.0 (emulated; the host needs swtpm)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Random number generator (virtio, from /dev/urandom)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Watchdog</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>USB host device (passed through)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Path of the disk image or ISO</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Disk image format</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Storage pool for the new volume</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Name of the new volume</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Size of the new volume</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Disk bus</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>NIC connection</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>NIC network or bridge name</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>NIC model</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Sound card model</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Watchdog model</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Watchdog action</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Host USB device</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>new hardware</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Add:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Pool:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Volume name:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Size:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Path:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Format:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Bus:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Connection:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Network / bridge:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Model:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>When it fires:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Device:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The VM is not running.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>A serial port is added at the next boot.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Hardware</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Hardware list</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Hardware editor</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Changes to apply</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Hardware message</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Add &amp;Hardware…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Add hardware</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Revert the hardware changes</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>&amp;Apply</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Apply the hardware changes</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Changes to apply:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not read the hardware of {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>not applied, see the message</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>pending: takes effect at next boot</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Nothing was added: give a path, or tick when it applies.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Applying…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not change the hardware of {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Applied.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Not everything was applied: see the items marked ⚠. Your edits are kept.</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>details.overview_tab</name>
        <message>
            <source>State</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>IP addresses</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>vCPUs</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Memory</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>OS</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Firmware</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Machine</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Emulator</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Persistent</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Connection</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Overview</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Title</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>A short line shown in the list's tooltip</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Description</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Start the VM when the host boots</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Autostart</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{title}: message</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Overview message</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>&amp;Apply</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Apply the overview changes</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Revert the overview changes</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Name:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Title:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Description:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The VM's screen</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The VM's screen, refreshed every few seconds</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>no (transient)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not read {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Applying…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not change {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Not everything was applied: see the fields marked.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Applied.</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>details.snapshots_tab</name>
        <message>
            <source>Internal (disks{memory}; can be reverted)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Disk-only external (disks frozen, new writes on overlays)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not {what}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{title}: message</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Take a Snapshot of {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Take Snapshot</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Take the snapshot</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Snapshot name</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Snapshot description</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Snapshot kind</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>What libvirt can do</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Name:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Description:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Kind:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>read what snapshots the VM can take</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>, with the VM's memory</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Give the snapshot a name.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Taking the snapshot…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>take snapshot {name} of {name2}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Revert {name} to a Snapshot</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Revert</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Revert to the chosen snapshot</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>What the VM did since the snapshot is lost.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>list the snapshots</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Reverting to {name}…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>revert {name} to {name2}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Snapshots</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Taken</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Kind</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Description</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>internal + memory</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{name}, current</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The current snapshot: the VM's state derives from it</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Snapshots message</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>&amp;Take Snapshot…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Take a snapshot</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Revert to the selected snapshot</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete the selected snapshot</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Restore Dis&amp;ks…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Restore the disks of the selected snapshot</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Put the shut-off VM's disks back on the files this snapshot froze</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>with its children</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete its child snapshots too</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Description of the selected snapshot</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Save &amp;Description</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Save the snapshot's description</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>&amp;Forget…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>revert to {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Reverted to {name}.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Forget Snapshot</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete Snapshot</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Forget {name}? </source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete {name} and its children?</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete {name}?</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Restore Disks</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Put the disks back on the files {name} froze? What was written since stays in the overlay files, which are kept but no longer used; {name} is then forgotten.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>restore the disks of {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The disks are back on {name}'s files; kept, unused: </source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>delete {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{name} is gone.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>describe {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Description saved.</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>details.window</name>
        <message>
            <source>Overview</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Hardware</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Performance</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Serial Console</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Snapshots</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>XML</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>&amp;Virtual Machine</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Virtual Machine</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{name} — {state_text} — kvmgui</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{name} — deleted — kvmgui</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>This virtual machine no longer exists.</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>details.xml_tab</name>
        <message>
            <source>Apply the XML of {name}?</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>XML changes to apply</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>These lines of {name}'s definition change:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Changes to the XML</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Apply these changes</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>XML</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>About editing the XML</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>XML editor message</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Domain XML editor</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>&amp;Validate</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Validate the XML</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Check the XML against libvirt's schema, without applying</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>&amp;Apply…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Apply the XML</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Show what changes, then define the VM with this XML</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Revert the XML</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Go back to the VM's current definition</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>This is the VM's definition. It runs now: what you change here takes effect at its next boot.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>This is the VM's definition: what you change here takes effect when it starts.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not read the XML of {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not {what} the XML of {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Checking…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Nothing to apply: the XML is the VM's definition.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Applying…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>at its next boot</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>when it starts</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Applied: the VM uses this definition {when}.</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>diagnostics</name>
        <message>
            <source>Connect to the libvirt daemon</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>KVM (hardware virtualization)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The host offers KVM for x86_64 guests.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The host offers only TCG (software emulation): /dev/kvm is missing or the daemon cannot use it.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>This driver runs no QEMU/KVM guests (e.g. the test driver).</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The host offers no x86_64 emulator at all.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Install QEMU on the host (Debian: 'sudo apt install qemu-system-x86'), then reconnect.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Nested virtualization</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The host is itself a virtual machine: its KVM is nested, and may be slow or emulated in software.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Run the KVM self-test: it shows whether KVM guests really run here.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>UEFI firmware (OVMF)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>This driver does not tell; libvirt checks when a VM is defined.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source> with Secure Boot</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>No UEFI firmware: VMs can boot with BIOS only.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Default network</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>There is no 'default' network (NAT).</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Create a NAT network named 'default' in the Networks tab, or on the host: 'virsh net-define /usr/share/libvirt/networks/default.xml &amp;&amp; virsh net-start default &amp;&amp; virsh net-autostart default'.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The 'default' network is defined but stopped.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Start it in the Networks tab (tick Autostart to keep it running), or 'virsh net-start default'. kvmgui starts it when a new VM uses it.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The 'default' network is running.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Default storage pool</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>There is no 'default' pool.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>kvmgui creates it (a directory pool at /var/lib/libvirt/images) with the first new VM; or create a pool in the Storage tab.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The 'default' pool is defined but stopped.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Start it in the Storage tab (tick Autostart), or 'virsh pool-start default'.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Free space in the default pool</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Free space on the host's file system that holds the pool, delete volumes that no VM uses (Storage tab), or put new disks in another pool.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The 'default' pool is running.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>KVM self-test</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>no output</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>it had not even started</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Use TCG for VMs on this host, or turn on hardware nested virtualization on the machine that runs it.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>did not finish</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>the self-test needs an active directory pool: start or create one in the Storage tab</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>A KVM guest did not finish within {KVM_DEADLINE_S:g} s ({started}), while the same guest under TCG finished in {seconds}: KVM guests hang or crawl on this host (KVM is nested or emulated in software). TCG is the safe choice.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>A KVM guest ran the test in {done_s:.1f} s (TCG: {seconds}). KVM is the right choice.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Connected to {getURI} ({getHostname}).</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Only {format_bytes} free: a new VM's disk may not fit.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The test guest finished under neither KVM nor TCG ({error}): no verdict.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>There is no 'default' pool; other active pools: {pools}.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>UEFI firmware{secure} is installed.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>its BIOS took {started_s:.1f} s</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{format_bytes} free.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{uri} answers.</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>domain</name>
        <message>
            <source>Unknown</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Running</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Blocked</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Paused</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Shutting down</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Shut off</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Crashed</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Suspended</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>booted</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>migrated</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>restored</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>from snapshot</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>unpaused</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>migration canceled</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>save canceled</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>woken up</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>crashed</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>post-copy</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>by user</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>migrating</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>saving</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>dumping</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>I/O error</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>watchdog</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>shutting down</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>snapshot</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>starting up</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>post-copy failed</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>shut down</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>forced off</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>saved</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>failed</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>daemon restarted</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>panicked</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Saved</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{state} ({reason})</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>guest_addresses</name>
        <message>
            <source>read guest addresses</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>host.diagnostics_view</name>
        <message>
            <source>✔ OK</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>⚠ Warning</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>✖ Problem</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>• Note</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Diagnostics</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Host checklist</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Check</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Found</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>How to fix</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Chosen check</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Check Again</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Read the host's state again</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Run KVM Self-Test</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Boot a tiny 64 MiB guest under KVM and under TCG, and compare (about 10 s)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Checking the host…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Check the host</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>KVM self-test (earlier run)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>New VMs on this connection default to TCG.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{problems} problem(s), {warnings} warning(s).</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>
How to fix: {fix}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Running the KVM self-test (up to about 30 s)…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>KVM self-test</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source> New VMs on this connection now default to TCG.</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>host.forms</name>
        <message>
            <source>Problem</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>New Storage Pool</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Create</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Pool type</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Pool name</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Directory</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Source</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Resize {resize_of}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>New Volume</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Resize</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Volume name</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Format</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Enter a volume name without '/'.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>New Virtual Network</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>any host interface</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Network name</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Mode</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Subnet</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>DHCP start</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>DHCP end</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Forward device</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>host.network_view</name>
        <message>
            <source>Stop the network (VMs on it lose their link)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Network</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Virtual networks</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Mode</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Subnet</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>DHCP range</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Bridge</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Autostart</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Used by</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Define a NAT, isolated or routed network</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>DHCP leases</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>DHCP leases title</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>IP address</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>MAC address</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Host name</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Expires</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>List virtual networks</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Read the DHCP leases of {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>DHCP leases of {name}: {len}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete Virtual Network</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete the network {name}? It is used by {users}: those VMs lose their link, and will not start until their NIC is moved to another network.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete network {name}</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>host.storage_view</name>
        <message>
            <source>Stop the pool (its volumes are kept)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Pool</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Storage pools</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Type</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Autostart</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Free</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Refresh</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Re-read the pool's volumes from disk</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Volumes</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Select all volumes</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Filter volumes by name</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Filter volumes</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>New Volume…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Resize…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete Volume…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Upload…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Copy a local file into a new volume</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Download…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Copy the volume into a local file</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Transfer progress</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Refresh pool</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>List storage pools</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>List the volumes of {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Read the volumes of {pool}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete Storage Pool</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete pool {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Also delete its storage (every volume in it)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Create volume {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Resize volume {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete Volume</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete the volume {name} ({path})? Its data is lost; a virtual machine using it will not start.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete volume {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Upload a File into a New Volume</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Download {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Upload {name}</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>host.tab</name>
        <message>
            <source>{what} status</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{what}: done.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>New {noun}…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Define a new {lower}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Start</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Stop</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Autostart</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Start it when the host starts</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete {noun}…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>No autostart for</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Create {lower} {name}</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>host.volume_model</name>
        <message>
            <source>Name</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Used</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Type</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Path</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>host_window</name>
        <message>
            <source>Overview</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Storage</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Networks</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Diagnostics</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Host views</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Host — {connection_label} — kvmgui</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>lifecycle</name>
        <message>
            <source>Start</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>start</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Pause</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>pause</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Resume</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>resume</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Shut Down</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>shut down</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Reboot</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>reboot</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Force Off</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>force off</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Save</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>save</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{name} is transient: it cannot {verb}.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{name} is {state}: it cannot {verb} now.</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>mainwindow</name>
        <message>
            <source>Virtual machines</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Filter</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Filter: words, tag:web, state:running (Ctrl+F)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Virtual machine screens</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Virtual machines grouped by tag</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>New VM…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Create a virtual machine on the selected connection</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Details</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Open the details of the selected virtual machines</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Thumbnails</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Show the screens of running VMs instead of the list</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Group by Tag</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Show the VMs in groups by tag, templates apart; a group's row selects all its VMs</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>IP Address Column</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Show running VMs' addresses (DHCP lease, guest agent, ARP)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>New VM from Template…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Make a linked clone of a template and start it</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Add Connection…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Remove Connection</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Reconnect</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Open Demo Fleet</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Open libvirt's test driver on a demo fleet</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Quit</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>About kvmgui</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Preferences…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Host Overview</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Show the host's CPU and memory (of the selected connection)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Storage…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Show the storage pools and volumes of the selected connection</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>&amp;Virtual Machine</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Main</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Retry now</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Diagnose…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Open the demo</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>not connected</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{uri} {what}: {error}
kvmgui retries by itself.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{name} has no graphical or serial console.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{name} has no graphical display (SPICE or VNC), but it has a serial console.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Open Serial Console</source>
            <translation type="unfinished"/>
        </message>
        <message numerus="yes">
            <source>%n throwaway VM(s) on {uri} left overlays behind (kvmgui was not running when they stopped): </source>
            <translation type="unfinished">
                <numerusform></numerusform>
                <numerusform></numerusform>
            </translation>
        </message>
        <message>
            <source>Remove Them</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Select the connection to create the VM on.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Add a connection first (File → Add Connection).</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Making {value} from {name}…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not make a VM from {name}</source>
            <translation type="unfinished"/>
        </message>
        <message numerus="yes">
            <source> — %n connection(s)</source>
            <translation type="unfinished">
                <numerusform></numerusform>
                <numerusform></numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>models.domain_tree</name>
        <message>
            <source>Name</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>vCPUs</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Memory</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>CPU usage</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Memory usage</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Disk I/O</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Network I/O</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Snapshots</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>IP address</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Tags: </source>
            <extracomment>Where Role.THUMBNAIL comes from: (connection, UUID) -&gt; QIcon or None. Where the Snapshots column's counts come from: (connection, UUID) -&gt; count or None. Where Column.IP_ADDRESS comes from: (connection, UUID) -&gt; the guest's addresses.</extracomment>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Test driver ({value})</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>QEMU/KVM</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>QEMU/KVM user session</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>models.tag_groups</name>
        <message>
            <source>Name</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Tags</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Group {name}, {len} virtual machines</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>newvm</name>
        <message>
            <source>Give a password or an SSH key, or nobody can log in.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>a cloud-init config needs a seed volume</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>There is no storage pool for the disk.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Give the disk a size.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>This host offers neither virtio nor SATA disks.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>This host does not offer KVM: choose QEMU TCG.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>This host has no UEFI firmware (OVMF): choose BIOS.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>This host has no Secure Boot firmware: choose plain UEFI.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Choose a usable disk image.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Choose a network for the VM.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>the copy of the image</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Set up the cloud-init user.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>the overlay disk and the seed</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>the disk</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Choose an ISO image.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>A VM named '{name}' already exists on this connection.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Choose a storage pool for {what}.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Give the VM 1 to {cpus} vCPUs: the host has {cpus}.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Give the VM at least {size}.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Pool '{pool}' has only {size} free.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The disk must hold the image: at least {size}.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The host has only {size}.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>This host's QEMU has no {GUEST_MACHINE} machine type.</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>ops</name>
        <message>
            <source>Unexpected error: {error}</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>preferences</name>
        <message>
            <source>Statistics are read only for what is on screen: the list's columns (View menu), open Performance tabs and host overviews. Nothing is read while the main window is minimized.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Update interval:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>virt-viewer (attaches through libvirt)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>remote-viewer (connects to the display's address)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Graphical console</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Serial console</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Details window</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source> running VMs</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Thumbnails are screenshots of the running VMs shown in the thumbnail view (View menu) and in open details windows; above the limit they are off.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Graphical console viewer:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>After creating a VM, open:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Thumbnail refresh:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Thumbnails up to:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Preferences — kvmgui</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Statistics</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Consoles</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>shortcuts</name>
        <message>
            <source>Other</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Action</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Keys</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>snapshot_column</name>
        <message>
            <source>Snapshots Column</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Show how many snapshots each VM has</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not count snapshots</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>stats_columns</name>
        <message>
            <source>{value} Column</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Show the live {value} of running VMs</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>stats_poller</name>
        <message>
            <source>read statistics</source>
            <extracomment>Points a list sparkline shows: one minute at the default interval. The list column of each statistics group, in column order.</extracomment>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>tags_dialog</name>
        <message>
            <source>Tags of {names}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Edit tags</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Untick a tag to remove it</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source> from every VM.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Tags</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>New tags, separated by spaces</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>New tags</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Problem</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Add:</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>template_dialog</name>
        <message>
            <source>New VM from Template</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>A linked clone of the template is made and started, named after it.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>There is no template yet. Shut a VM off and use Virtual Machine → Make Template.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Templates</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Create and Start</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>throwaways</name>
        <message>
            <source>look for throwaway leftovers</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>looking for throwaway leftovers on %s: %s</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not remove a throwaway VM's overlays</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not remove a throwaway VM's overlays: </source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>uncaught</name>
        <message>
            <source>in the GUI</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>a thread</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>in a background task</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The details are in the log: {_log_file}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>No log file could be written; run kvmgui --debug to see the details.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>kvmgui: unexpected error</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>kvmgui met an unexpected error {where} and carried on; what you were doing may not have finished.

{summary}

{where_to_read}</source>
            <translation type="unfinished"/>
        </message>
        <message numerus="yes">
            <source>%n more unexpected error(s) since.</source>
            <translation type="unfinished">
                <numerusform/>
                <numerusform/>
            </translation>
        </message>
    </context>
    <context>
        <name>vm_actions</name>
        <message>
            <source>Each stops at once, like pulling its power cord: what its guest has not written to disk is lost.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Each is stopped with its memory saved to the host's disk, which needs as much free space as their memory.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{label} the selected virtual machines</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete the selected virtual machines</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Open Console</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Open the graphical console of the selected VMs</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not {verb} {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{label}: {len} virtual machines…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{label}: {value} of {total} done.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not {verb} {failed} of {total}: </source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{label} {len} virtual machines?</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{label} {len} virtual machines: {names}?

</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{template} backs the disks of: {join}.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Delete Template</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>
Those clones read through the template's disks: deleting its disks leaves them unable to start.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Continue…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not delete {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not send {label} to {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Take Snapshot…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Take a snapshot of the selected virtual machine</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Revert to…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Revert the selected virtual machine to one of its snapshots</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Clone…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Make one or more clones (full or linked) of the selected VM</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Tags…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Add or remove tags on the selected virtual machines</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Make Template…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Keep the selected shut-off VMs as templates for linked clones</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Run Throwaway</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Start a temporary copy of the selected shut-off VM; it is gone when it shuts down</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Copy SSH Command</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Copy the command that logs into the selected running VM over SSH</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Open SSH Terminal</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Log into the selected running VM over SSH in a terminal window</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{name} has no IP address yet (no DHCP lease, guest agent or ARP entry): wait until it is up, then try again.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not read the address of {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Copied: {line}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>SSH: {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not run a throwaway of {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Make Template</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Make {names} a template? Its disks become read-only for its own guest, so that its linked clones stay sound; clones get writable disks of their own.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not make {name} a template</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not change the tags of {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not look for the clones of {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{name} was deleted, but not all of its storage: </source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>widgets.message_bar</name>
        <message>
            <source>Dismiss</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>widgets.plain</name>
        <message>
            <source>&lt;p style='white-space:pre-wrap'&gt;{escape}&lt;/p&gt;</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>wizard.finish_page</name>
        <message>
            <source>Name and finish</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>the name of a bridge on the host, e.g. br0</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Host bridge name</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Customize before install (review and edit the XML)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Equivalent virt-install command</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Copy</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Copy the virt-install command to the clipboard</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Diagnose the Host…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Check KVM, firmware, networks, pools and free space</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Name:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Network:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Firmware:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Virtualization:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Equivalent virt-install command:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source> (inactive: started on Create)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Virtual network '{name}'{state}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Host bridge {name}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Host bridge (the host cannot list them: type its name)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>User-mode networking</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>BIOS</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>UEFI (OVMF)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>UEFI with Secure Boot</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>KVM (hardware acceleration)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>QEMU TCG (software emulation, slow)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Type the name of a bridge on the host.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>This host offers no network for the VM.</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>wizard.resources_page</name>
        <message>
            <source>Memory, processors and disk</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Reading the host…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Create a disk</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Storage pool:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Size:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Memory:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>vCPUs:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The host has {format_mib} and {cpus} CPUs.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{size} free</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>free space unknown</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>, created on Finish</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>wizard.source_page</name>
        <message>
            <source>Local install media (ISO image)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Import an existing disk image</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Cloud image with cloud-init (user, password, SSH key)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Network boot (PXE)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Empty VM (no install source)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Where does the operating system come from?</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The VM boots from the network first (PXE): the network must offer a boot server.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The VM gets no install source: attach one later, or boot it as it is.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Operating system</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Search the OS list (e.g. debian 12, fedora, win11)…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Reading the OS list…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>ISO image</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>/path/to/install.iso (recently used ones in the list)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>/path/on/the/host/install.iso (or choose among the host's volumes)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>ISO image:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Disk image</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>/path/to/disk.qcow2 or disk.img</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Copy it into a storage pool (the original stays untouched)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Disk image:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Cloud image</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>/path/to/debian-12-genericcloud-amd64.qcow2</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>stored hashed (SHA-512 crypt); empty: key only</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>ssh-ed25519 AAAA… (from ~/.ssh/*.pub)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>the VM's name</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Cloud image:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>User:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Password:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>SSH public key:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Host name:</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Browse…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Host volumes…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Choose among the volumes of the host's storage pools</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>ISO images (*.iso);;All files (*)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Disk images (*.qcow2 *.img *.raw);;All files (*)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Cloud images (*.qcow2 *.img *.raw);;All files (*)</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Choose a file</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>ISO images</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>disk images</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>No {plural} in the host's storage pools</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Reading the host's storage pools…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The ISO image is on the host, where its OS cannot be detected: choose it in the list.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Detecting the OS of the ISO image…</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>{len} operating systems known; none chosen.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The OS of this ISO is unknown: choose it in the list.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Detected: {name}. Choose another in the list if wrong.</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>wizard.wizard</name>
        <message>
            <source>Customize the new VM's XML</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Create</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The XML is not well-formed: {err}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>This XML is refused: {err}.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>New virtual machine on {uri}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not read what the host offers</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not list the host's volumes</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not check {path}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>the path</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Cannot create this VM: {err}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Preparing</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Hashing the password</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not create {name}</source>
            <translation type="unfinished"/>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>Could not connect to {uri}: {message}</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>Could not reach the host over SSH ({message}). Check the host and your SSH key.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>The libvirt daemon is not running ({message}). Start it with 'sudo systemctl start libvirtd' (or 'sudo libvirtd -d' where there is no systemd), or try the demo.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>You may not use {uri} ({message}). Add yourself to the 'libvirt' group ('sudo usermod -aG libvirt $USER'), then log out and in again.</source>
            <translation type="unfinished"/>
        </message>
        <message>
            <source>libvirt has no driver for {uri!r} ({message}). Check the URI.</source>
            <translation type="unfinished"/>
        </message>
    </context>
</TS>