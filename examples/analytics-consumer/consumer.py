"""An analytics consumer of Gongzhi's public events, written the way another city system would write one:
no Gongzhi code, only the AsyncAPI document (libs/contracts/asyncapi.yaml), a Kafka client and a JSON Schema
validator.

Each record is a CloudEvent in the Kafka binding's binary mode: ce_type names the event and its schema
version (gongzhi.<type>.v<version>), ce_id is the event id to deduplicate on, and the value is the Gongzhi
envelope. Every record's headers and value are validated against the document's schemas; one JSON line is
printed per record, and a summary line at the end.

    python consumer.py --brokers 127.0.0.1:9092 --topic gongzhi.grid-events.v1 \
        --asyncapi ../../libs/contracts/asyncapi.yaml --max-records 100 --idle-seconds 10
"""
import argparse
import json
import sys
import uuid
from collections import Counter

import jsonschema
import yaml
from confluent_kafka import Consumer, KafkaError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

DOCUMENT_URI = "urn:gongzhi:asyncapi"


class Schemas:
    """The document's message schemas, found by the CloudEvents type of a record."""

    def __init__(self, document):
        self.registry = Registry().with_resource(DOCUMENT_URI, Resource(contents=document, specification=DRAFT7))
        self.payload_by_type = {}
        for message_id, message in document["components"]["messages"].items():
            own = message.get("payload", {}).get("allOf", [None, None])[1]
            if not own:
                continue  # not an event message (dead letters)
            properties = own["properties"]
            ce_type = "gongzhi.{}.v{}".format(properties["type"]["const"], properties["schemaVersion"]["const"])
            self.payload_by_type[ce_type] = self._validator("/components/messages/{}/payload".format(message_id))
        self.headers = self._validator("/components/schemas/EventHeaders")

    def _validator(self, pointer):
        schema = {"$ref": "{}#{}".format(DOCUMENT_URI, pointer)}
        return jsonschema.Draft7Validator(schema, registry=self.registry, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)

    def problems(self, headers, value):
        found = ["header " + error.message for error in self.headers.iter_errors(headers)]
        validator = self.payload_by_type.get(headers.get("ce_type"))
        if validator is None:
            return found + ["unknown CloudEvents type {!r}: skip it, new types are added without notice".format(headers.get("ce_type"))]
        try:
            envelope = json.loads(value)
        except (TypeError, ValueError) as error:
            return found + ["value is not JSON: {}".format(error)]
        found += ["{}: {}".format("/".join(str(p) for p in error.absolute_path) or "value", error.message) for error in validator.iter_errors(envelope)]
        if envelope.get("eventId") != headers.get("ce_id"):
            found.append("ce_id does not match the envelope's eventId")
        return found


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--brokers", required=True)
    parser.add_argument("--topic", required=True)
    parser.add_argument("--asyncapi", required=True, help="path to libs/contracts/asyncapi.yaml")
    parser.add_argument("--group", default="analytics-example-" + uuid.uuid4().hex[:8])
    parser.add_argument("--max-records", type=int, default=1000)
    parser.add_argument("--idle-seconds", type=float, default=10.0, help="stop after this long without a record")
    args = parser.parse_args()

    with open(args.asyncapi, encoding="utf-8") as handle:
        schemas = Schemas(yaml.safe_load(handle))

    consumer = Consumer({
        "bootstrap.servers": args.brokers,
        "group.id": args.group,
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
    })
    consumer.subscribe([args.topic])
    seen_ids = set()
    totals = Counter()
    types = Counter()
    try:
        while totals["records"] < args.max_records:
            record = consumer.poll(args.idle_seconds)
            if record is None:
                break
            if record.error():
                if record.error().code() == KafkaError._PARTITION_EOF:
                    continue
                raise SystemExit("kafka error: {}".format(record.error()))
            headers = {name: (value.decode("utf-8") if value is not None else None) for name, value in (record.headers() or [])}
            problems = schemas.problems(headers, record.value())
            duplicate = headers.get("ce_id") in seen_ids
            seen_ids.add(headers.get("ce_id"))
            totals["records"] += 1
            totals["invalid" if problems else "valid"] += 1
            totals["duplicates"] += int(duplicate)
            types[headers.get("ce_type")] += 1
            print(json.dumps({
                "partition": record.partition(),
                "offset": record.offset(),
                "key": record.key().decode("utf-8") if record.key() else None,
                "id": headers.get("ce_id"),
                "type": headers.get("ce_type"),
                "source": headers.get("ce_source"),
                "subject": headers.get("ce_subject"),
                "time": headers.get("ce_time"),
                "duplicate": duplicate,
                "valid": not problems,
                "problems": problems,
            }, ensure_ascii=False), flush=True)
            consumer.commit(record, asynchronous=False)  # at least once: commit after the record is handled
    finally:
        consumer.close()
    print(json.dumps({"summary": {**{k: totals[k] for k in ("records", "valid", "invalid", "duplicates")}, "types": dict(types)}}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
