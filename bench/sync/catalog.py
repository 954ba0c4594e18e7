#!/usr/bin/env python3
"""Writes the sync benchmark's inputs: N Avro events (bench/gen_catalog.py's, one per topic) as an
Eventcat catalog, and the same .avsc files as a project for Apicurio's own Maven plugin.

Usage: catalog.py <eventcat-project> <apicurio-project> [events=1000]

Subjects are TOPIC_RECORD-named (`avro-topic-0042-bench.avro.g00.AvroEvent0042`); the Apicurio
plugin registers each file under the same name as artifact id, in the default group, so the
registry ends up holding the same 1,000 schemas either way. Deterministic.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from gen_catalog import avro_event  # noqa: E402  (the benchmark catalog's events, not a copy)


def main():
    eventcat, apicurio = sys.argv[1], sys.argv[2]
    events = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    catalog = os.path.join(eventcat, "src", "main", "catalog")
    os.makedirs(os.path.join(catalog, "schemas"), exist_ok=True)
    manifest = [
        "# Synthetic sync benchmark catalog written by bench/sync/catalog.py. Do not edit.",
        "package: bench.events",
        "compatibility: BACKWARD",
        "subject-naming: TOPIC_RECORD",
        "topics:",
    ]
    artifacts = []
    for i in range(events):
        schema = avro_event(i)
        path = f"schemas/event_{i:04d}.avsc"
        with open(os.path.join(catalog, path), "w", encoding="utf-8") as out:
            json.dump(schema, out, indent=2)
            out.write("\n")
        topic = f"avro-topic-{i:04d}"
        manifest += [f"  {topic}:", "    key: entity_id", "    events:", f"      - {path}"]
        subject = f"{topic}-{schema['namespace']}.{schema['name']}"
        artifacts.append(
            "        <artifact>\n"
            "          <groupId>default</groupId>\n"
            f"          <artifactId>{subject}</artifactId>\n"
            "          <type>AVRO</type>\n"
            f"          <file>${{project.basedir}}/../eventcat/src/main/catalog/{path}</file>\n"
            "          <ifExists>RETURN_OR_UPDATE</ifExists>\n"
            "        </artifact>")
    with open(os.path.join(catalog, "catalog.yaml"), "w", encoding="utf-8") as out:
        out.write("\n".join(manifest) + "\n")
    template = os.path.join(os.path.dirname(os.path.abspath(__file__)), "apicurio-pom.xml")
    with open(template, encoding="utf-8") as f:
        pom = f.read().replace("<!-- ARTIFACTS -->", "\n".join(artifacts).lstrip())
    os.makedirs(apicurio, exist_ok=True)
    with open(os.path.join(apicurio, "pom.xml"), "w", encoding="utf-8") as out:
        out.write(pom)


if __name__ == "__main__":
    main()
