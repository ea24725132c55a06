<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ContactsPanel</name>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>+ Contact</source>
        <translation>+ Contact</translation>
    </message>
    <message>
        <source>Add a contact (Ctrl+Shift+K)</source>
        <translation>Ajouter un contact (Ctrl+Maj+K)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Make primary</source>
        <translation>Rendre principal</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>{name} · primary</source>
        <translation>{name} · principal</translation>
    </message>
    <message>
        <source>⚠ {number} ({kind}, not recognised)</source>
        <translation>⚠ {number} ({kind}, non reconnu)</translation>
    </message>
    <message>
        <source>☎ {number} ({kind}, wrong number)</source>
        <translation>☎ {number} ({kind}, faux numéro)</translation>
    </message>
    <message>
        <source>☎ {number} ({kind})</source>
        <translation>☎ {number} ({kind})</translation>
    </message>
    <message>
        <source>⛔ Asked not to be called</source>
        <translation>⛔ A demandé à ne pas être appelé</translation>
    </message>
    <message>
        <source>⛔ Asked not to be emailed</source>
        <translation>⛔ A demandé à ne pas recevoir d&apos;e-mails</translation>
    </message>
    <message>
        <source>Call {number}</source>
        <translation>Appeler le {number}</translation>
    </message>
    <message>
        <source>Email {address}</source>
        <translation>Écrire à {address}</translation>
    </message>
</context>
</TS>
