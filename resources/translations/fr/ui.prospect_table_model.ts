<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ProspectTableModel</name>
    <message>
        <source>Prospect</source>
        <extracomment>The columns that only mean something when several people share the data. The SQL sort behind each column. The prospect id of a row (int). A value to compare cells on (what SQL sorts by), for proxies and tests. The whole `ProspectRow` of a row. Whether the row&apos;s next action is overdue (bool). Rows per cached block. Small, so that a jump far into the table reads about the rows the view shows (the view asks for them in one statement, see `prefetch`): at a million prospects a row&apos;s pages are often not in memory yet. Blocks read together by a page with OFFSET (before the ordered ids are known). Up to this many rows, the ordered ids are read with the count (a few milliseconds). Blocks read with the count of a new search or sort: about the rows a window shows at the top (the view reads the others when it paints them). Above it, they are read in a worker thread once sorting or typing pauses this long. An estimated count is made exact in a worker thread once typing pauses this long (a count a further keystroke makes useless would only slow the next one down). The roles `data` answers; the view asks for more (alignment, size hints ...). A fetched row and its display texts (None until first painted). Emitted after the rows were reloaded (filter, sort or data changed). Emitted when the ordered ids of the rows are known (any block is then one query). Emitted when an estimated count became exact (rows added or removed at the end). A number flagged wrong by a call, struck through. Users&apos; names by id (the owner and last-caller columns) and the current user.</extracomment>
        <translation>Prospect</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>Prochaine action</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Last called by</source>
        <translation>Dernier appel par</translation>
    </message>
    <message>
        <source>{phone} (wrong number)</source>
        <translation>{phone} (faux numéro)</translation>
    </message>
    <message>
        <source>User {number}</source>
        <translation>Utilisateur {number}</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Moi</translation>
    </message>
    <message>
        <source>{phone}: wrong number (flagged during a call)</source>
        <translation>{phone} : faux numéro (signalé pendant un appel)</translation>
    </message>
    <message>
        <source>{name}: someone here asked not to be called.</source>
        <translation>{name} : quelqu&apos;un ici a demandé à ne pas être appelé.</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>Relancer</translation>
    </message>
    <message>
        <source>Overdue: {what}</source>
        <translation>En retard : {what}</translation>
    </message>
    <message>
        <source>Priority {level} of 3</source>
        <translation>Priorité {level} sur 3</translation>
    </message>
    <message>
        <source>Owner: {name}</source>
        <translation>Responsable : {name}</translation>
    </message>
    <message>
        <source>Last called by: {name}</source>
        <translation>Dernier appel par : {name}</translation>
    </message>
</context>
</TS>
