"""Signs requests with botocore, the reference SigV4 implementation, for Tenet's signer tests.

Reads a JSON list of requests on stdin; prints a JSON list of Authorization header values.
The timestamp is fixed by the caller so that both signers sign the same instant.
"""
import json
import sys

from botocore.auth import S3SigV4Auth, SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

results = []
for spec in json.load(sys.stdin):
    credentials = Credentials(spec["accessKeyID"], spec["secretAccessKey"], spec.get("sessionToken"))
    auth_class = S3SigV4Auth if spec["service"] == "s3" else SigV4Auth
    auth = auth_class(credentials, spec["service"], spec["region"])
    request = AWSRequest(method=spec["method"], url=spec["url"], headers=dict(spec["headers"]), data=bytes(spec["body"].encode()))
    request.context["timestamp"] = spec["timestamp"]
    # botocore's add_auth reads the clock; the same steps with a fixed timestamp:
    auth._modify_request_before_signing(request)
    canonical_request = auth.canonical_request(request)
    string_to_sign = auth.string_to_sign(request, canonical_request)
    signature = auth.signature(string_to_sign, request)
    auth._inject_signature_to_request(request, signature)
    results.append(request.headers["Authorization"])
json.dump(results, sys.stdout)
