<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Retention review</source>
        <extracomment>Prospects were erased: the window must forget undo steps that could restore them.</extracomment>
        <translation>Revue de conservation</translation>
    </message>
    <message>
        <source>Prospect data may be kept three years from its collection or from the prospect&apos;s last contact with you (a reply, a call from them; an opened email does not count). These prospects are past that: ask them whether they want to stay in touch, or erase them.</source>
        <translation>Les données d’un prospect peuvent être gardées trois ans à compter de leur collecte ou du dernier contact venu du prospect (une réponse, un appel de sa part ; un e-mail ouvert ne compte pas). Ces prospects ont dépassé ce délai : demandez-leur s’ils souhaitent rester en contact, ou effacez-les.</translation>
    </message>
    <message>
        <source>CNIL guidance on prospecting (GDPR storage limitation)</source>
        <translation>Recommandations de la CNIL sur la prospection (limitation de la conservation, RGPD)</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Collecté</translation>
    </message>
    <message>
        <source>Last contact from them</source>
        <translation>Dernier contact de sa part</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Tick &amp;all</source>
        <translation>Tout &amp;cocher</translation>
    </message>
    <message>
        <source>&amp;Erase the ticked prospects…</source>
        <translation>&amp;Effacer les prospects cochés…</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>No prospect is past the retention period.</source>
        <translation>Aucun prospect n’a dépassé la durée de conservation.</translation>
    </message>
    <message>
        <source>{count} prospects to review, {ticked} ticked</source>
        <translation>{count} prospects à revoir, {ticked} cochés</translation>
    </message>
    <message>
        <source>Erase these prospects?</source>
        <translation>Effacer ces prospects ?</translation>
    </message>
    <message>
        <source>{count} prospects, with their contacts and activities, will be erased for good. A backup is made first; it is kept a few weeks, then removed.</source>
        <translation>{count} prospects, avec leurs contacts et leurs activités, seront effacés définitivement. Une sauvegarde est faite avant ; elle est gardée quelques semaines, puis supprimée.</translation>
    </message>
</context>
</TS>
