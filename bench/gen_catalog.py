#!/usr/bin/env python3
"""Writes a synthetic Eventcat catalog: N Avro and N JSON Schema events of ~20 fields each.

Usage: gen_catalog.py <catalog-dir> [events-per-format=1000] [events-per-topic=10] [formats=avro,json]

events-per-topic 1 gives the "topic-per-event" shape (one topic per event, as under Confluent's
TopicNameStrategy); formats "avro" writes the Avro half alone (bench/load.sh).

Every event has nested records/objects, an enum, logical types (Avro: uuid, timestamp-millis,
date, decimal) or formats (JSON: uuid, date-time, date, email, decimal) and the topic key field
`entity_id`. Avro and JSON events sit on separate topics (one value format per topic). Type names
are unique across the catalog (Event0042, Event0042Address...) because the catalog requires one
Java type name per type. The output is deterministic: the same arguments give the same files.
"""
import json
import os
import sys


def avro_event(i):
    n = f"{i:04d}"
    address = {
        "type": "record",
        "name": f"AvroAddress{n}",
        "doc": "Where it happened.",
        "fields": [
            {"name": "street", "type": "string"},
            {"name": "city", "type": "string"},
            {"name": "postcode", "type": "string"},
            {"name": "country_code", "type": "string"},
            {"name": "floor", "type": ["null", "int"], "default": None},
        ],
    }
    line = {
        "type": "record",
        "name": f"AvroLine{n}",
        "fields": [
            {"name": "sku", "type": "string"},
            {"name": "quantity", "type": "int"},
            {"name": "unit_price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}},
        ],
    }
    status = {"type": "enum", "name": f"AvroStatus{n}", "symbols": ["NEW", "ACTIVE", "SUSPENDED", "CLOSED"]}
    return {
        "type": "record",
        "name": f"AvroEvent{n}",
        "namespace": f"bench.avro.g{i // 100:02d}",
        "doc": f"Synthetic Avro event number {i}.",
        "fields": [
            {"name": "entity_id", "type": {"type": "string", "logicalType": "uuid"}},
            {"name": "occurred_at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
            {"name": "business_date", "type": {"type": "int", "logicalType": "date"}},
            {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}},
            {"name": "status", "type": status},
            {"name": "address", "type": address},
            {"name": "lines", "type": {"type": "array", "items": line}},
            {"name": "tags", "type": {"type": "array", "items": "string"}, "default": []},
            {"name": "attributes", "type": {"type": "map", "values": "string"}, "default": {}},
            {"name": "name", "type": "string"},
            {"name": "description", "type": ["null", "string"], "default": None},
            {"name": "email", "type": "string"},
            {"name": "count", "type": "int"},
            {"name": "total", "type": "long"},
            {"name": "ratio", "type": "double"},
            {"name": "score", "type": "float"},
            {"name": "active", "type": "boolean"},
            {"name": "version", "type": "int", "default": 1},
            {"name": "source", "type": "string", "default": "bench"},
            {"name": "correlation_id", "type": ["null", {"type": "string", "logicalType": "uuid"}], "default": None},
        ],
    }


def json_event(i):
    n = f"{i:04d}"
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"JsonEvent{n}",
        "description": f"Synthetic JSON Schema event number {i}.",
        "type": "object",
        "properties": {
            "entity_id": {"type": "string", "format": "uuid"},
            "occurred_at": {"type": "string", "format": "date-time"},
            "business_date": {"type": "string", "format": "date"},
            "amount": {"type": "number", "format": "decimal"},
            "status": {"type": "string", "enum": ["new", "active", "suspended", "closed"]},
            "address": {
                "type": "object",
                "properties": {
                    "street": {"type": "string"},
                    "city": {"type": "string"},
                    "postcode": {"type": "string", "maxLength": 10},
                    "country_code": {"type": "string", "pattern": "^[A-Z]{2}$"},
                    "floor": {"type": "integer"},
                },
                "required": ["street", "city", "postcode", "country_code"],
                "additionalProperties": False,
            },
            "lines": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "sku": {"type": "string"},
                        "quantity": {"type": "integer", "minimum": 1},
                        "unit_price": {"type": "number", "format": "decimal"},
                    },
                    "required": ["sku", "quantity", "unit_price"],
                    "additionalProperties": False,
                },
            },
            "tags": {"type": "array", "items": {"type": "string"}},
            "name": {"type": "string", "minLength": 1},
            "description": {"type": "string"},
            "email": {"type": "string", "format": "email"},
            "count": {"type": "integer"},
            "total": {"type": "integer"},
            "ratio": {"type": "number"},
            "score": {"type": "number"},
            "active": {"type": "boolean"},
            "version": {"type": "integer"},
            "source": {"type": "string"},
            "correlation_id": {"type": "string", "format": "uuid"},
            "channel": {"type": "string", "enum": ["web", "mobile", "api"]},
        },
        "required": ["entity_id", "occurred_at", "business_date", "amount", "status", "address",
                     "lines", "name", "email", "count", "active"],
        "additionalProperties": False,
    }


def main():
    root = sys.argv[1]
    per_format = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    per_topic = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    formats = sys.argv[4].split(",") if len(sys.argv) > 4 else ["avro", "json"]
    os.makedirs(os.path.join(root, "schemas", "avro"), exist_ok=True)
    os.makedirs(os.path.join(root, "schemas", "json"), exist_ok=True)
    manifest = [
        "# Synthetic benchmark catalog written by bench/gen_catalog.py. Do not edit.",
        "package: bench.events",
        "compatibility: BACKWARD",
        "subject-naming: TOPIC_RECORD",
        "topics:",
    ]
    for fmt, make, ext in (("avro", avro_event, "avsc"), ("json", json_event, "json")):
        if fmt not in formats:
            continue
        for i in range(per_format):
            path = f"schemas/{fmt}/event_{i:04d}.{ext}"
            with open(os.path.join(root, path), "w", encoding="utf-8") as out:
                json.dump(make(i), out, indent=2)
                out.write("\n")
            if i % per_topic == 0:
                manifest += [f"  {fmt}-topic-{i // per_topic:03d}:", "    key: entity_id", "    partitions: 3",
                             "    events:"]
            manifest.append(f"      - {path}")
    with open(os.path.join(root, "catalog.yaml"), "w", encoding="utf-8") as out:
        out.write("\n".join(manifest) + "\n")


if __name__ == "__main__":
    main()
