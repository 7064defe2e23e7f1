"""Seeds a moto server with a small AWS estate through boto3, and prints what it made as JSON.

Usage: seed_estate.py ENDPOINT (auth-user | estate)
  auth-user  an IAM user with an access key, an allow-all inline policy, a role it may assume,
             and a second access key that is then deleted
  estate     one or more of every type the live collector reads, configured both ways where a
             rule would tell them apart (encrypted and not, tagged and not, open SSH, PITR, a
             Lambda environment holding a secret-looking value), and more tables, log groups and
             queues than the tests' page size, to prove pagination
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
    ec2, s3, iam, kms = client("ec2"), client("s3"), client("iam"), client("kms")
    key = kms.create_key(Description="estate key", Tags=[{"TagKey": "team", "TagValue": "data"}])["KeyMetadata"]
    kms.enable_key_rotation(KeyId=key["KeyId"])
    vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16", TagSpecifications=[{"ResourceType": "vpc", "Tags": [{"Key": "Name", "Value": "estate"}]}])["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.20.1.0/24", AvailabilityZone="us-east-1a")["Subnet"]["SubnetId"]
    ssh = ec2.create_security_group(GroupName="open-ssh", Description="SSH from anywhere", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=ssh, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "anyone"}]},
    ])
    instance = ec2.run_instances(ImageId="ami-12c6146b", MinCount=1, MaxCount=1, InstanceType="t3.micro", SubnetId=subnet, SecurityGroupIds=[ssh])["Instances"][0]["InstanceId"]
    encrypted = ec2.create_volume(AvailabilityZone="us-east-1a", Size=8, Encrypted=True, KmsKeyId=key["Arn"],
                                  TagSpecifications=[{"ResourceType": "volume", "Tags": [{"Key": "Name", "Value": "data"}]}])["VolumeId"]
    plain = ec2.create_volume(AvailabilityZone="us-east-1a", Size=16, Encrypted=False)["VolumeId"]
    ec2.attach_volume(VolumeId=plain, InstanceId=instance, Device="/dev/sdf")

    s3.create_bucket(Bucket="estate-logs", ACL="log-delivery-write")
    s3.create_bucket(Bucket="estate-encrypted")
    s3.put_bucket_encryption(Bucket="estate-encrypted", ServerSideEncryptionConfiguration={
        "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key["Arn"]}, "BucketKeyEnabled": True}]})
    s3.put_bucket_versioning(Bucket="estate-encrypted", VersioningConfiguration={"Status": "Enabled"})
    s3.put_public_access_block(Bucket="estate-encrypted", PublicAccessBlockConfiguration={
        "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True})
    s3.put_bucket_logging(Bucket="estate-encrypted", BucketLoggingStatus={"LoggingEnabled": {"TargetBucket": "estate-logs", "TargetPrefix": "encrypted/"}})
    s3.put_bucket_tagging(Bucket="estate-encrypted", Tagging={"TagSet": [{"Key": "env", "Value": "prod"}]})
    s3.put_bucket_policy(Bucket="estate-encrypted", Policy=json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::estate-encrypted/*",
         "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}))
    s3.create_bucket(Bucket="estate-plain")

    iam.create_user(UserName="alice", Tags=[{"Key": "team", "Value": "ops"}])
    iam.put_user_policy(UserName="alice", PolicyName="read-logs", PolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "logs:Get*", "Resource": "*"}]}))
    iam.create_user(UserName="bob")
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
    role = iam.create_role(RoleName="app", AssumeRolePolicyDocument=json.dumps(trust), Description="the app")["Role"]
    policy = iam.create_policy(PolicyName="app-read", Description="reads the bucket", PolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::estate-encrypted/*"}]}))["Policy"]
    iam.attach_role_policy(RoleName="app", PolicyArn=policy["Arn"])

    client("cloudtrail").create_trail(Name="estate-trail", S3BucketName="estate-logs", EnableLogFileValidation=True, IsMultiRegionTrail=True)
    client("cloudtrail").start_logging(Name="estate-trail")

    dynamodb = client("dynamodb")
    for name in ["estate-orders", "estate-audit", "estate-sessions"]:
        dynamodb.create_table(TableName=name, KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                              AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
    dynamodb.update_continuous_backups(TableName="estate-orders", PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    orders = dynamodb.describe_table(TableName="estate-orders")["Table"]["TableArn"]
    dynamodb.tag_resource(ResourceArn=orders, Tags=[{"Key": "env", "Value": "prod"}])

    client("lambda").create_function(
        FunctionName="estate-api", Runtime="python3.12", Role=role["Arn"], Handler="app.handler", Code={"ZipFile": b"PK\x05\x06" + b"\x00" * 18},
        Environment={"Variables": {"DB_PASSWORD": "hunter2-estate-secret", "STAGE": "prod"}}, Tags={"env": "prod"})

    sns = client("sns")
    topic = sns.create_topic(Name="estate-alerts", Attributes={"DisplayName": "Alerts", "KmsMasterKeyId": key["KeyId"]}, Tags=[{"Key": "env", "Value": "prod"}])["TopicArn"]
    sqs = client("sqs")
    for name in ["estate-jobs", "estate-dead", "estate-retries"]:
        sqs.create_queue(QueueName=name)
    sqs.create_queue(QueueName="estate-encrypted-jobs", Attributes={"KmsMasterKeyId": key["KeyId"], "VisibilityTimeout": "45"}, tags={"env": "prod"})
    logs = client("logs")
    for name in ["/estate/api", "/estate/jobs", "/estate/audit"]:
        logs.create_log_group(logGroupName=name)
    logs.put_retention_policy(logGroupName="/estate/api", retentionInDays=30)
    logs.tag_log_group(logGroupName="/estate/api", tags={"env": "prod"})

    client("rds").create_db_instance(
        DBInstanceIdentifier="estate-db", DBInstanceClass="db.t3.micro", Engine="postgres", MasterUsername="admin",
        MasterUserPassword="not-in-the-inventory", AllocatedStorage=20, StorageEncrypted=False, PubliclyAccessible=True,
        Tags=[{"Key": "env", "Value": "prod"}])

    json.dump({
        "account": "123456789012", "keyID": key["KeyId"], "keyArn": key["Arn"], "vpc": vpc, "subnet": subnet, "openSSHGroup": ssh,
        "instance": instance, "encryptedVolume": encrypted, "plainVolume": plain, "roleArn": role["Arn"], "policyArn": policy["Arn"],
        "topicArn": topic,
    }, sys.stdout)
else:
    sys.exit(f"unknown seed {what!r}")
