<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>CallingRules</name>
    <message>
        <source>may be called now</source>
        <translation>peut être appelé maintenant</translation>
    </message>
    <message>
        <source>asked not to be called</source>
        <translation>a demandé à ne pas être appelé</translation>
    </message>
    <message>
        <source>no recorded consent to be called (required for consumers since 11 August 2026)</source>
        <translation>aucun consentement enregistré pour être appelé (obligatoire pour les particuliers depuis le 11 août 2026)</translation>
    </message>
    <message>
        <source>said no less than 60 days ago</source>
        <translation>a refusé il y a moins de 60 jours</translation>
    </message>
    <message>
        <source>at the limit of 4 calls in 30 days</source>
        <translation>limite de 4 appels en 30 jours atteinte</translation>
    </message>
    <message>
        <source>no calls to consumers on public holidays</source>
        <translation>pas d’appel aux particuliers les jours fériés</translation>
    </message>
    <message>
        <source>no calls to consumers on Saturdays and Sundays</source>
        <translation>pas d’appel aux particuliers le samedi ni le dimanche</translation>
    </message>
    <message>
        <source>outside calling hours</source>
        <translation>hors des heures d’appel</translation>
    </message>
    <message>
        <source>French rules for calling consumers (décret n° 2022-1313 of 13 October 2022): weekdays 10:00–13:00 and 14:00–20:00, never on weekends or public holidays, at most 4 calls in 30 days, and none for 60 days after a refusal. Since 11 August 2026 (loi n° 2025-594), only with the person&apos;s recorded prior consent, except for clients under contract.</source>
        <translation>Règles françaises du démarchage téléphonique des particuliers (décret n° 2022-1313 du 13 octobre 2022) : du lundi au vendredi, de 10 h à 13 h et de 14 h à 20 h, jamais le week-end ni les jours fériés, au plus 4 appels en 30 jours, et aucun pendant 60 jours après un refus. Depuis le 11 août 2026 (loi n° 2025-594), seulement avec le consentement préalable enregistré de la personne, sauf pour les clients sous contrat.</translation>
    </message>
</context>
</TS>
