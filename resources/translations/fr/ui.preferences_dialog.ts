<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <extracomment>Regions offered first (the others follow, by code).</extracomment>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>A new language applies the next time you start Prospection.</source>
        <translation>La nouvelle langue s&apos;appliquera au prochain démarrage de Prospection.</translation>
    </message>
    <message>
        <source>New prospects start in this country, and phone numbers typed without a country code are read as numbers of this country</source>
        <translation>Les nouveaux prospects sont dans ce pays, et les numéros saisis sans indicatif sont lus comme des numéros de ce pays</translation>
    </message>
    <message>
        <source>&amp;Default country:</source>
        <translation>&amp;Pays par défaut :</translation>
    </message>
    <message>
        <source>Said in your talk track&apos;s opener in place of [your name]</source>
        <translation>Dit dans l&apos;accroche de votre argumentaire à la place de [votre nom]</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom :</translation>
    </message>
    <message>
        <source>Said in your talk track&apos;s opener in place of [company]</source>
        <translation>Dit dans l&apos;accroche de votre argumentaire à la place de [société]</translation>
    </message>
    <message>
        <source>Your c&amp;ompany:</source>
        <translation>Votre s&amp;ociété :</translation>
    </message>
    <message>
        <source>Calendar files (.ics) of meetings booked during a call are saved here, then opened with your calendar</source>
        <translation>Les fichiers d&apos;agenda (.ics) des rendez-vous pris pendant un appel sont enregistrés ici, puis ouverts avec votre agenda</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <source>&amp;Meeting invitations:</source>
        <translation>Invitations de &amp;rendez-vous :</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Folder for meeting invitations</source>
        <translation>Dossier des invitations de rendez-vous</translation>
    </message>
</context>
</TS>
