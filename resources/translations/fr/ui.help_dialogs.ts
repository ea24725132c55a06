<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>About</name>
    <message>
        <source>About Prospection</source>
        <translation>À propos de Prospection</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Prospection {version}&lt;/h3&gt;&lt;p&gt;Prospecting made bearable: know who you call and how you help them, call in small batches, see your progress.&lt;/p&gt;&lt;p&gt;Everything stays on this computer.&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later (GPL-3.0-or-later).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Prospection {version}&lt;/h3&gt;&lt;p&gt;La prospection rendue supportable : sachez qui vous appelez et comment vous l&apos;aidez, appelez par petites séries, voyez vos progrès.&lt;/p&gt;&lt;p&gt;Tout reste sur cet ordinateur.&lt;/p&gt;&lt;p&gt;Logiciel libre sous licence publique générale GNU, version 3 ou ultérieure (GPL-3.0-or-later).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Call session</source>
        <translation>Session d&apos;appels</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
</TS>
