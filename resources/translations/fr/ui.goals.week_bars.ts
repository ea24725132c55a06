<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>MetricBar</name>
    <message>
        <source>{what}
{actual} done, target {target}; an even pace would be at {expected} by now ({pace}).</source>
        <extracomment>Green of a met target: readable on light and dark backgrounds. Changes arriving together (an import, a session) cause one refresh, this much later.</extracomment>
        <translation>{what}
{actual} faits, objectif {target}&#xa0;; à rythme régulier, vous en seriez à {expected} ({pace}).</translation>
    </message>
</context>
</TS>
