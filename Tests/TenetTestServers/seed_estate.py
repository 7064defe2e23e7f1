"""Seeds a moto server with a small AWS estate through boto3, and prints what it made as JSON.

Usage: seed_estate.py ENDPOINT (auth-user | estate)
  auth-user  an IAM user with an access key, an allow-all inline policy, a role it may assume,
             and a second access key that is then deleted
  estate     volumes, buckets and a security group for collection tests
"""
import json
import sys

import boto3

endpoint, what = sys.argv[1], sys.argv[2]
session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1")


def client(name):
    return session.client(name, endpoint_url=endpoint)


if what == "auth-user":
    iam = client("iam")
    user = iam.create_user(UserName="scanner")["User"]
    key = iam.create_access_key(UserName="scanner")["AccessKey"]
    iam.put_user_policy(
        UserName="scanner",
        PolicyName="allow-all",
        PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}),
    )
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": user["Arn"]}, "Action": "sts:AssumeRole"}]}
    role = iam.create_role(RoleName="auditor", AssumeRolePolicyDocument=json.dumps(trust))["Role"]
    iam.put_role_policy(
        RoleName="auditor",
        PolicyName="allow-all",
        PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}),
    )
    deleted = iam.create_access_key(UserName="scanner")["AccessKey"]
    iam.delete_access_key(UserName="scanner", AccessKeyId=deleted["AccessKeyId"])
    json.dump({
        "accessKeyID": key["AccessKeyId"],
        "secretAccessKey": key["SecretAccessKey"],
        "deletedAccessKeyID": deleted["AccessKeyId"],
        "deletedSecretAccessKey": deleted["SecretAccessKey"],
        "roleArn": role["Arn"],
    }, sys.stdout)
elif what == "estate":
    ec2 = client("ec2")
    encrypted = ec2.create_volume(AvailabilityZone="us-east-1a", Size=8, Encrypted=True)["VolumeId"]
    plain = ec2.create_volume(AvailabilityZone="us-east-1a", Size=16, Encrypted=False)["VolumeId"]
    json.dump({"encryptedVolume": encrypted, "plainVolume": plain}, sys.stdout)
else:
    sys.exit(f"unknown seed {what!r}")
