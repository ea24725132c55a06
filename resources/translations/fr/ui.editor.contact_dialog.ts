<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ContactDialog</name>
    <message>
        <source>Phone number</source>
        <translation>Numéro de téléphone</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <extracomment>The number as stored when a call flagged it wrong (struck through until edited).</extracomment>
        <translation>Modifier le contact</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nouveau contact</translation>
    </message>
    <message>
        <source>e.g. Sales director</source>
        <translation>p. ex. Directrice commerciale</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Prénom :</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Job title:</source>
        <translation>&amp;Fonction :</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle :</translation>
    </message>
    <message>
        <source>+ Another phone</source>
        <translation>+ Un autre numéro</translation>
    </message>
    <message>
        <source>&amp;Phones:</source>
        <translation>&amp;Téléphones :</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-mail :</translation>
    </message>
    <message>
        <source>Lin&amp;kedIn:</source>
        <translation>Lin&amp;kedIn :</translation>
    </message>
    <message>
        <source>Primary contact (the one you call first)</source>
        <translation>Contact principal (celui que vous appelez en premier)</translation>
    </message>
    <message>
        <source>✗ Wrong number (flagged during a call): type the right one</source>
        <translation>✗ Faux numéro (signalé pendant un appel) : saisissez le bon</translation>
    </message>
    <message>
        <source>✓ {number}</source>
        <translation>✓ {number}</translation>
    </message>
    <message>
        <source>⚠ Not recognised: kept as typed</source>
        <translation>⚠ Non reconnu : gardé tel que saisi</translation>
    </message>
    <message>
        <source>This does not look like an email address yet (name@example.com).</source>
        <translation>Ce n&apos;est pas encore une adresse e-mail (nom@exemple.fr).</translation>
    </message>
</context>
</TS>
