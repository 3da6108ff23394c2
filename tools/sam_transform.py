"""Prints template.yaml as CloudFormation would deploy it after the SAM transform, for tests over the transformed template.

    .venv/bin/python tools/sam_transform.py <template.yaml> '<parameters JSON>'

Runs the SAM translator of the pinned aws-sam-cli (the transform CloudFormation applies, AWS::Serverless-2016-10-31)
offline: each CodeUri becomes the S3 location `sam package` would upload it to (named after the path, so the same
code gives the same location), the region is a fixed one, and no managed policy is looked up (the template names
none). Output: the transformed template as JSON on stdout.
"""
import json
import os
import sys

from samcli.yamlhelper import yaml_parse
from samtranslator.translator.transform import transform


class NoManagedPolicies:
    """The template's policies are its own statements; nothing is looked up in IAM."""

    def load(self):
        return {}


def main():
    template_path, parameters = sys.argv[1], json.loads(sys.argv[2])
    os.environ.setdefault("AWS_DEFAULT_REGION", "eu-central-1")
    with open(template_path, encoding="utf-8") as source:
        template = yaml_parse(source.read())
    for resource in template.get("Resources", {}).values():
        if resource.get("Type") == "AWS::Serverless::Function" and isinstance(resource["Properties"].get("CodeUri"), str):
            resource["Properties"]["CodeUri"] = "s3://ycbridge-artifacts/" + resource["Properties"]["CodeUri"]
    json.dump(transform(template, parameters, NoManagedPolicies()), sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
