<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>&amp;Person:</source>
        <extracomment>Someone was erased: the window must forget undo steps that could bring them back.</extracomment>
        <translation>&amp;Personne :</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Source :</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Ne pas contacter</translation>
    </message>
    <message>
        <source>GDPR: anyone may object to prospecting. The objection is kept as a one-way hash of the phone and email, so the person stays do-not-contact even if erased and imported again.</source>
        <translation>RGPD : chacun peut s’opposer à la prospection. L’opposition est conservée sous forme d’empreinte irréversible du téléphone et de l’e-mail : la personne reste à ne pas contacter même si elle est effacée puis importée à nouveau.</translation>
    </message>
    <message>
        <source>Do not &amp;call</source>
        <translation>Ne pas &amp;appeler</translation>
    </message>
    <message>
        <source>Do not &amp;email</source>
        <translation>Ne pas écrire par &amp;e-mail</translation>
    </message>
    <message>
        <source>For example: asked on the phone on 3 May</source>
        <translation>Par exemple : l’a demandé au téléphone le 3 mai</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif :</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>A&amp;ppliquer</translation>
    </message>
    <message>
        <source>Consent to be called</source>
        <translation>Consentement à être appelé</translation>
    </message>
    <message>
        <source>Since 11 August 2026 (French law of 30 June 2025), a consumer may be called for prospecting only with prior consent you can prove: when, how and to what words they agreed.</source>
        <translation>Depuis le 11 août 2026 (loi du 30 juin 2025), un particulier ne peut être démarché par téléphone qu’avec un consentement préalable que vous pouvez prouver : quand, comment et à quels termes il a consenti.</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>téléphone</translation>
    </message>
    <message>
        <source>web form</source>
        <translation>formulaire web</translation>
    </message>
    <message>
        <source>email</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>paper form</source>
        <translation>formulaire papier</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>en personne</translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation>&amp;Comment :</translation>
    </message>
    <message>
        <source>The words the person agreed to, e.g. “I agree to be called about …”</source>
        <translation>Les termes acceptés, par ex. « J’accepte d’être appelé au sujet de … »</translation>
    </message>
    <message>
        <source>&amp;Words:</source>
        <translation>&amp;Termes :</translation>
    </message>
    <message>
        <source>Record &amp;consent</source>
        <translation>Enregistrer le &amp;consentement</translation>
    </message>
    <message>
        <source>&amp;Withdraw consent</source>
        <translation>&amp;Retirer le consentement</translation>
    </message>
    <message>
        <source>The person&apos;s rights</source>
        <translation>Les droits de la personne</translation>
    </message>
    <message>
        <source>E&amp;xport their data…</source>
        <translation>E&amp;xporter ses données…</translation>
    </message>
    <message>
        <source>Right of access: everything held about the person, as a readable file</source>
        <translation>Droit d’accès : tout ce qui est conservé sur la personne, dans un fichier lisible</translation>
    </message>
    <message>
        <source>E&amp;rase this person…</source>
        <translation>E&amp;ffacer cette personne…</translation>
    </message>
    <message>
        <source>Right to erasure: the contact, their activities and notes, with no trace</source>
        <translation>Droit à l’effacement : le contact, ses activités et ses notes, sans laisser de trace</translation>
    </message>
    <message>
        <source>Privacy and consent — {name}</source>
        <translation>Données personnelles et consentement — {name}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>This prospect has no contact person yet.</source>
        <translation>Ce prospect n’a pas encore de personne de contact.</translation>
    </message>
    <message>
        <source>{source}, collected on {date}</source>
        <translation>{source} (collecte : {date})</translation>
    </message>
    <message>
        <source>Consent recorded on {date} ({channel}): “{words}”</source>
        <translation>Consentement enregistré le {date} ({channel}) : « {words} »</translation>
    </message>
    <message>
        <source>No consent recorded.</source>
        <translation>Aucun consentement enregistré.</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>Saisie à la main</translation>
    </message>
    <message>
        <source>Imported from a file</source>
        <translation>Importée d’un fichier</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Données de démonstration</translation>
    </message>
    <message>
        <source>Added from the command line</source>
        <translation>Ajoutée en ligne de commande</translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation>depuis le {date}</translation>
    </message>
    <message>
        <source>Contact this person again?</source>
        <translation>Contacter de nouveau cette personne ?</translation>
    </message>
    <message>
        <source>Only lift an objection when the person asked to be contacted again. Lift it?</source>
        <translation>Ne levez une opposition que si la personne a demandé à être recontactée. La lever ?</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Write the words the person agreed to: they prove the consent.</source>
        <translation>Écrivez les termes que la personne a acceptés : ils prouvent le consentement.</translation>
    </message>
    <message>
        <source>The words are too long (at most {limit} characters): nothing was recorded.</source>
        <translation>Les mots sont trop longs ({limit} caractères au plus) : rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>Export the person&apos;s data</source>
        <translation>Exporter les données de la personne</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Erase this person?</source>
        <translation>Effacer cette personne ?</translation>
    </message>
    <message>
        <source>{name}, their phones, activities and notes will be erased for good, with no trace left in the file. Only a one-way hash of their phone and email is kept, so that they are never contacted again. This cannot be undone.</source>
        <translation>{name}, ses téléphones, ses activités et ses notes seront effacés définitivement, sans trace dans le fichier. Seule une empreinte irréversible du téléphone et de l’e-mail est gardée, pour ne plus jamais la contacter. C’est irréversible.</translation>
    </message>
    <message>
        <source>This person</source>
        <translation>Cette personne</translation>
    </message>
</context>
</TS>
