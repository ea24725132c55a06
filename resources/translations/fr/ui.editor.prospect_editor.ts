<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ProspectEditor</name>
    <message>
        <source>Select a prospect to see who they are and how you help them.</source>
        <extracomment>An edit inside one session, returning the API&apos;s verdict. Emitted after a save, with the prospect&apos;s id. Emitted when the unsaved-changes state flips. Team mode: asked before every write; True (having said why) refuses it.</extracomment>
        <translation>Choisissez un prospect pour voir qui il est et comment vous l&apos;aidez.</translation>
    </message>
    <message>
        <source>&amp;Stage</source>
        <translation>É&amp;tape</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priorité</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>É&amp;tiquettes</translation>
    </message>
    <message>
        <source>Their problems</source>
        <translation>Leurs problèmes</translation>
    </message>
    <message>
        <source>How we help them</source>
        <translation>Comment nous les aidons</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>Prochaine action</translation>
    </message>
    <message>
        <source>Tomorrow 9:00</source>
        <translation>Demain 9 h</translation>
    </message>
    <message>
        <source>In a week</source>
        <translation>Dans une semaine</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Company details</source>
        <translation>Coordonnées de l&apos;entreprise</translation>
    </message>
    <message>
        <source>Website:</source>
        <translation>Site web :</translation>
    </message>
    <message>
        <source>Industry:</source>
        <translation>Secteur :</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Taille :</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <source>Postcode, city:</source>
        <translation>Code postal, ville :</translation>
    </message>
    <message>
        <source>Yearly revenue:</source>
        <translation>Chiffre d&apos;affaires annuel :</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Responsable :</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Source :</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save the changes (Ctrl+S)</source>
        <translation>Enregistrer les modifications (Ctrl+S)</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Forget the changes not saved yet</source>
        <translation>Oublier les modifications pas encore enregistrées</translation>
    </message>
    <message>
        <source>New prospect: type a name, then save (Ctrl+S).</source>
        <translation>Nouveau prospect : saisissez un nom, puis enregistrez (Ctrl+S).</translation>
    </message>
    <message>
        <source>⛔ Asked not to be called: {names}. Please respect it.</source>
        <translation>⛔ Ne souhaite pas être appelé : {names}. Merci de le respecter.</translation>
    </message>
    <message>
        <source>A colleague changed this prospect meanwhile. Saving writes the fields you changed over theirs; Revert shows their version.</source>
        <translation>Un collègue a modifié ce prospect entre-temps. Enregistrer écrit les champs que vous avez changés par-dessus les siens ; Abandonner affiche sa version.</translation>
    </message>
    <message>
        <source>Unsaved changes (Ctrl+S saves)</source>
        <translation>Modifications non enregistrées (Ctrl+S pour enregistrer)</translation>
    </message>
    <message>
        <source>prospect</source>
        <translation>prospect</translation>
    </message>
    <message>
        <source>Add {name}</source>
        <translation>Ajouter {name}</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>Modifier {name}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Not saved: someone else changed the same fields meanwhile. Your changes are still here: save again to choose what to keep.</source>
        <translation>Non enregistré : quelqu’un d’autre a modifié les mêmes champs entre-temps. Vos modifications sont toujours là : enregistrez à nouveau pour choisir ce qu’il faut garder.</translation>
    </message>
    <message>
        <source>Type the prospect&apos;s name first: a contact is added to a saved prospect.</source>
        <translation>Saisissez d&apos;abord le nom du prospect : un contact s&apos;ajoute à un prospect enregistré.</translation>
    </message>
    <message>
        <source>Add a contact</source>
        <translation>Ajouter un contact</translation>
    </message>
    <message>
        <source>this contact</source>
        <translation>ce contact</translation>
    </message>
    <message>
        <source>Edit a contact</source>
        <translation>Modifier un contact</translation>
    </message>
    <message>
        <source>Remove a contact</source>
        <translation>Retirer un contact</translation>
    </message>
    <message>
        <source>Not removed: someone else changed this contact meanwhile ({fields}). It is shown as they left it: remove it again if it should still go.</source>
        <translation>Non supprimé : quelqu’un d’autre a modifié ce contact entre-temps ({fields}). Il est affiché tel qu’il l’a laissé : supprimez-le à nouveau s’il doit toujours partir.</translation>
    </message>
    <message>
        <source>Change the primary contact</source>
        <translation>Changer le contact principal</translation>
    </message>
    <message>
        <source>Not changed: someone else chose another primary contact meanwhile. It is shown now: choose again if needed.</source>
        <translation>Non modifié : quelqu’un d’autre a choisi un autre contact principal entre-temps. Il est affiché maintenant : choisissez à nouveau si besoin.</translation>
    </message>
    <message>
        <source>Log an activity</source>
        <translation>Noter une activité</translation>
    </message>
    <message>
        <source>Delete a history entry</source>
        <translation>Supprimer une entrée de l&apos;historique</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>These changes cannot be saved as they are. Drop them?</source>
        <translation>Ces modifications ne peuvent pas être enregistrées telles quelles. Les abandonner ?</translation>
    </message>
</context>
</TS>
