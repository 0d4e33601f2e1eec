#!/usr/bin/env python3
"""Seed a running moto server (5.2.1, server mode) with ecsdash's test world, turn on
request authentication, verify the world with real signed requests, write a JSON description.

    seed_world.py --endpoint http://127.0.0.1:PORT --out .build/moto/world.json

Run by scripts/test against a fresh server (no MOTO_ACCOUNT_ID; MOTO_ECS_SERVICE_RUNNING=2).
Every step fails loudly: any error exits non-zero with a message naming the step.

The world (region eu-west-1)
----------------------------
* Base identity account 123456789012:
  - IAM user `ecsdash-ci` (+ access key): sts:AssumeRole on "*", sts:GetCallerIdentity.
  - IAM user `ecsdash-readonly` (+ access key): sts:GetCallerIdentity, and sts:AssumeRole only on
    the five `DashboardReadOnly` roles (listed by ARN).
* Registry (tooling) account 111111111111 and environment accounts dev 222222222222,
  sit 333333333333, uat 444444444444, prod 555555555555. In each of these five accounts three
  roles trusting arn:aws:iam::123456789012:root:
  - `DashboardReadOnly`: ecs List*/Describe*, ecr Describe*/List*/BatchGetImage/
    GetAuthorizationToken, logs Get*/Describe*/FilterLogEvents, codepipeline Get*/List*,
    elasticloadbalancing Describe*, application-autoscaling Describe*, sts:GetCallerIdentity.
  - `DashboardDeployer`: the read-only set + ecr:PutImage, ecs:UpdateService,
    ecs:RegisterTaskDefinition, ecs:StopTask, codepipeline:StartPipelineExecution.
  - `NoPermissions`: sts:GetCallerIdentity only.
* Registry ECR (account 111111111111): repositories myapp-frontend, myapp-backend, myapp-worker
  (tag mutability MUTABLE). Each has 5 images (distinct Docker v2 schema-2 manifests) tagged
  `build-1` … `build-5` (never moved), and env tags dev→build-5, sit→build-4, uat→build-4,
  prod→build-3 (retagged with BatchGetImage + PutImage of the same manifest bytes).
* Each environment account: VPC 10.0.0.0/16 (DNS support + hostnames on), subnet, security group;
  ECS cluster `app-ENV`; per service S in frontend/backend/worker a FARGATE/awsvpc task
  definition family `ENV-S` (one container named S, image
  111111111111.dkr.ecr.eu-west-1.amazonaws.com/myapp-S:ENV, awslogs group /ecs/app-ENV/S,
  region eu-west-1, stream prefix ecs), a service S (desiredCount 2), 2 RUNNING tasks started by
  RunTask (group "service:S", startedBy = the service's deployment id), log group /ecs/app-ENV/S
  with one stream per task `ecs/S/TASKID` holding 5 lines.
* One Application Auto Scaling target: dev's frontend (resource `service/app-dev/frontend`, dimension
  `ecs:service:DesiredCount`) between min 1 and max 4; no other service has one.
* Task state transitions are frozen (tasks stay RUNNING however often they are described).
* Last: authentication is turned on (POST /moto-api/reset-auth, body 0). From then on moto checks
  every SigV4 signature and IAM policy. The script then verifies the world with the users' keys.

Output JSON (stable; keys only ever added)
------------------------------------------
{
  "endpoint": "http://127.0.0.1:PORT",
  "region": "eu-west-1",
  "users": {
    "ci":       {"name": "ecsdash-ci", "account": "123456789012", "arn": "arn:aws:iam::123456789012:user/ecsdash-ci",
                 "access_key_id": "...", "secret_access_key": "..."},
    "readonly": {"name": "ecsdash-readonly", ... same keys ...}
  },
  "registry": {
    "account": "111111111111",
    "readonly_role_arn": "arn:aws:iam::111111111111:role/DashboardReadOnly",
    "deployer_role_arn": "arn:aws:iam::111111111111:role/DashboardDeployer",
    "no_permissions_role_arn": "arn:aws:iam::111111111111:role/NoPermissions",
    "repositories": {
      "myapp-frontend": {"uri": "111111111111.dkr.ecr.eu-west-1.amazonaws.com/myapp-frontend",
                         "arn": "arn:aws:ecr:eu-west-1:111111111111:repository/myapp-frontend",
                         "tags": {"build-1": "sha256:...", ..., "build-5": "sha256:...",
                                  "dev": "sha256:...", "sit": "...", "uat": "...", "prod": "..."}},
      "myapp-backend": {...}, "myapp-worker": {...}
    }
  },
  "environments": [            # in the order dev, sit, uat, prod
    {"name": "dev", "account": "222222222222", "cluster": "app-dev",
     "cluster_arn": "arn:aws:ecs:eu-west-1:222222222222:cluster/app-dev",
     "readonly_role_arn": "...", "deployer_role_arn": "...", "no_permissions_role_arn": "...",
     "image_tag": "dev",
     "services": {
       "frontend": {"service_name": "frontend", "service_arn": "...",
                    "task_definition_arn": "...:task-definition/dev-frontend:1",
                    "task_definition_family": "dev-frontend", "container": "frontend",
                    "image": "111111111111.dkr.ecr.eu-west-1.amazonaws.com/myapp-frontend:dev",
                    "image_digest": "sha256:... (the registry digest of the dev tag)",
                    "desired_count": 2, "running_count": 2,
                    "task_arns": ["...", "..."], "task_ids": ["...", "..."],
                    "log_group": "/ecs/app-dev/frontend",
                    "log_streams": ["ecs/frontend/TASKID", ...], "log_lines_per_stream": 5,
                    "scalable_target": {"resource_id": "service/app-dev/frontend",
                                        "min_capacity": 1, "max_capacity": 4}},   # null where none
       "backend": {...}, "worker": {...}
     }}
  ]
}
Digests are exactly what moto's DescribeImages reports (moto derives an image digest from the
layer digests, not from the manifest bytes as real ECR does).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
import urllib.request
from typing import Any

import boto3
import botocore.exceptions
from botocore.config import Config

REGION = "eu-west-1"
BASE_ACCOUNT = "123456789012"
REGISTRY_ACCOUNT = "111111111111"
ENVIRONMENTS = [
    ("dev", "222222222222"),
    ("sit", "333333333333"),
    ("uat", "444444444444"),
    ("prod", "555555555555"),
]
SERVICES = ["frontend", "backend", "worker"]
REPOSITORIES = [f"myapp-{s}" for s in SERVICES]
BUILDS = 5
ENV_TAG_BUILD = {"dev": 5, "sit": 4, "uat": 4, "prod": 3}
DESIRED_COUNT = 2
TASKS_PER_SERVICE = 2
LOG_LINES = 5
# (environment, service) -> (min, max) of its Application Auto Scaling target on the desired count.
SCALABLE_TARGETS = {("dev", "frontend"): (1, 4)}

ROLE_READONLY = "DashboardReadOnly"
ROLE_DEPLOYER = "DashboardDeployer"
ROLE_NONE = "NoPermissions"

READONLY_ACTIONS = [
    "ecs:List*",
    "ecs:Describe*",
    "ecr:Describe*",
    "ecr:List*",
    "ecr:BatchGetImage",
    "ecr:GetAuthorizationToken",
    "logs:Get*",
    "logs:Describe*",
    "logs:FilterLogEvents",
    "codepipeline:Get*",
    "codepipeline:List*",
    "elasticloadbalancing:Describe*",
    "application-autoscaling:Describe*",
    "sts:GetCallerIdentity",
]
DEPLOYER_ACTIONS = READONLY_ACTIONS + [
    "ecr:PutImage",
    "ecs:UpdateService",
    "ecs:RegisterTaskDefinition",
    "ecs:StopTask",
    "codepipeline:StartPipelineExecution",
]

MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json"
# No retries: a retried RunTask would start extra tasks, and a moto 500 should fail at once.
BOTO_CONFIG = Config(retries={"total_max_attempts": 1, "mode": "standard"}, connect_timeout=5, read_timeout=30)


class SeedError(Exception):
    pass


def log(msg: str) -> None:
    print(f"    seed: {msg}", flush=True)


def role_arn(account: str, name: str) -> str:
    return f"arn:aws:iam::{account}:role/{name}"


def policy(statements: list[dict[str, Any]]) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": statements})


def allow(actions: list[str], resource: Any = "*") -> dict[str, Any]:
    # moto 5.2.1 evaluates identity policies only against Resource "*" for every action except
    # sts:AssumeRole (and iam role actions), whose resource is the RoleArn of the request; so all
    # policies here use "*" except the read-only user's AssumeRole, which lists role ARNs.
    return {"Effect": "Allow", "Action": actions, "Resource": resource}


# --------------------------------------------------------------------------------------------
# moto plumbing


class Moto:
    def __init__(self, endpoint: str):
        self.endpoint = endpoint.rstrip("/")
        self.session = boto3.session.Session()

    def api(self, path: str, body: bytes, content_type: str) -> str:
        req = urllib.request.Request(
            self.endpoint + path, data=body, method="POST", headers={"Content-Type": content_type}
        )
        with urllib.request.urlopen(req, timeout=30) as r:
            if not 200 <= r.status < 300:
                raise SeedError(f"POST {path} -> HTTP {r.status}")
            return r.read().decode()

    def seed_client(self, service: str, account: str):
        """A client acting in `account` while auth is off: moto picks the account from the
        x-moto-account-id header (added before signing, so it is also signed; harmless)."""
        client = self.session.client(
            service,
            endpoint_url=self.endpoint,
            region_name=REGION,
            aws_access_key_id="seed",
            aws_secret_access_key="seed",
            config=BOTO_CONFIG,
        )

        def add_account_header(request, **_kwargs):
            request.headers["x-moto-account-id"] = account

        client.meta.events.register("before-sign.*.*", add_account_header)
        return client

    def client(self, service: str, key_id: str, secret: str, token: str | None = None):
        """A plain client with the given credentials: what ecsdash itself does."""
        return self.session.client(
            service,
            endpoint_url=self.endpoint,
            region_name=REGION,
            aws_access_key_id=key_id,
            aws_secret_access_key=secret,
            aws_session_token=token,
            config=BOTO_CONFIG,
        )


# --------------------------------------------------------------------------------------------
# seeding steps


def check_account_header(moto: Moto) -> None:
    for account in [BASE_ACCOUNT, REGISTRY_ACCOUNT, ENVIRONMENTS[0][1]]:
        got = moto.seed_client("sts", account).get_caller_identity()["Account"]
        if got != account:
            raise SeedError(f"x-moto-account-id header ignored: asked for {account}, moto used {got}")


def create_roles(moto: Moto, account: str) -> dict[str, str]:
    iam = moto.seed_client("iam", account)
    trust = policy(
        [
            {
                "Effect": "Allow",
                "Principal": {"AWS": f"arn:aws:iam::{BASE_ACCOUNT}:root"},
                "Action": "sts:AssumeRole",
            }
        ]
    )
    out = {}
    for name, key, actions in [
        (ROLE_READONLY, "readonly_role_arn", READONLY_ACTIONS),
        (ROLE_DEPLOYER, "deployer_role_arn", DEPLOYER_ACTIONS),
        (ROLE_NONE, "no_permissions_role_arn", ["sts:GetCallerIdentity"]),
    ]:
        arn = iam.create_role(RoleName=name, AssumeRolePolicyDocument=trust, MaxSessionDuration=3600)["Role"]["Arn"]
        iam.put_role_policy(RoleName=name, PolicyName=f"{name}Policy", PolicyDocument=policy([allow(actions)]))
        if arn != role_arn(account, name):
            raise SeedError(f"role {name} created as {arn}, expected account {account}")
        out[key] = arn
    return out


def create_users(moto: Moto) -> dict[str, Any]:
    iam = moto.seed_client("iam", BASE_ACCOUNT)
    # Checked with moto 5.2.1 (see verify()): for sts:AssumeRole moto matches the policy Resource
    # against the requested RoleArn, so listing the read-only role ARNs lets ecsdash-readonly assume
    # those and gets AccessDenied for DashboardDeployer. Every other action is matched only against
    # Resource "*". sts:GetCallerIdentity is always allowed, whatever the policy. The roles' trust
    # policies are not checked for cross-account AssumeRole (moto looks the role up in the caller's
    # own account), so the trust policies below are documentation of intent only.
    readonly_roles = [role_arn(a, ROLE_READONLY) for a in [REGISTRY_ACCOUNT] + [a for _, a in ENVIRONMENTS]]
    specs = {
        "ci": ("ecsdash-ci", [allow(["sts:AssumeRole", "sts:GetCallerIdentity"])]),
        "readonly": (
            "ecsdash-readonly",
            [allow(["sts:GetCallerIdentity"]), allow(["sts:AssumeRole"], readonly_roles)],
        ),
    }
    users = {}
    for key, (name, statements) in specs.items():
        arn = iam.create_user(UserName=name)["User"]["Arn"]
        iam.put_user_policy(UserName=name, PolicyName=f"{name}-policy", PolicyDocument=policy(statements))
        ak = iam.create_access_key(UserName=name)["AccessKey"]
        users[key] = {
            "name": name,
            "account": BASE_ACCOUNT,
            "arn": arn,
            "access_key_id": ak["AccessKeyId"],
            "secret_access_key": ak["SecretAccessKey"],
        }
    return users


def sha(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def manifest(repo: str, build: int) -> str:
    seed = f"{repo}/build-{build}"
    body = {
        "schemaVersion": 2,
        "mediaType": MANIFEST_V2,
        "config": {
            "mediaType": "application/vnd.docker.container.image.v1+json",
            "size": 1470 + build,
            "digest": sha(seed + "/config"),
        },
        "layers": [
            {
                "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
                "size": 2811478,
                "digest": sha("base-layer/alpine-3.20"),  # shared base layer, like real images
            },
            {
                "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
                "size": 1000 * build + len(repo),
                "digest": sha(seed + "/app-layer"),
            },
        ],
    }
    return json.dumps(body, indent=3)


def seed_registry(moto: Moto) -> dict[str, Any]:
    ecr = moto.seed_client("ecr", REGISTRY_ACCOUNT)
    repos: dict[str, Any] = {}
    for repo in REPOSITORIES:
        r = ecr.create_repository(repositoryName=repo, imageTagMutability="MUTABLE")["repository"]
        for n in range(1, BUILDS + 1):
            ecr.put_image(
                repositoryName=repo,
                imageManifest=manifest(repo, n),
                imageManifestMediaType=MANIFEST_V2,
                imageTag=f"build-{n}",
            )
        for env, n in ENV_TAG_BUILD.items():
            got = ecr.batch_get_image(
                repositoryName=repo,
                imageIds=[{"imageTag": f"build-{n}"}],
                acceptedMediaTypes=[MANIFEST_V2],
            )
            if got.get("failures") or len(got["images"]) != 1:
                raise SeedError(f"BatchGetImage {repo}:build-{n}: {got.get('failures')}")
            img = got["images"][0]
            ecr.put_image(
                repositoryName=repo,
                imageManifest=img["imageManifest"],
                imageManifestMediaType=img.get("imageManifestMediaType", MANIFEST_V2),
                imageTag=env,
            )
        tags: dict[str, str] = {}
        images = ecr.describe_images(repositoryName=repo, maxResults=100)["imageDetails"]
        for d in images:
            for t in d.get("imageTags", []):
                tags[t] = d["imageDigest"]
        expected = [f"build-{n}" for n in range(1, BUILDS + 1)] + list(ENV_TAG_BUILD)
        if sorted(tags) != sorted(expected) or len(images) != BUILDS:
            raise SeedError(f"{repo}: expected {BUILDS} images tagged {expected}, moto has {images}")
        if len(set(tags[f"build-{n}"] for n in range(1, BUILDS + 1))) != BUILDS:
            raise SeedError(f"{repo}: image digests are not distinct: {tags}")
        for env, n in ENV_TAG_BUILD.items():
            if tags[env] != tags[f"build-{n}"]:
                raise SeedError(f"{repo}: tag {env} is {tags[env]}, expected build-{n} {tags[f'build-{n}']}")
        ordered = {t: tags[t] for t in expected}
        repos[repo] = {"uri": r["repositoryUri"], "arn": r["repositoryArn"], "tags": ordered}
        log(f"ecr {repo}: {len(images)} images, tags {', '.join(expected)}")
    return repos


def seed_network(moto: Moto, account: str) -> tuple[str, str]:
    ec2 = moto.seed_client("ec2", account)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    # RunTask with awsvpc answers 500 in moto unless the VPC has DNS hostnames enabled.
    ec2.modify_vpc_attribute(VpcId=vpc, EnableDnsSupport={"Value": True})
    ec2.modify_vpc_attribute(VpcId=vpc, EnableDnsHostnames={"Value": True})
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24", AvailabilityZone=f"{REGION}a")["Subnet"]["SubnetId"]
    sg = ec2.create_security_group(GroupName="ecsdash-tasks", Description="ecsdash test tasks", VpcId=vpc)["GroupId"]
    return subnet, sg


def seed_scalable_target(moto: Moto, account: str, cluster_name: str, env: str, svc: str) -> dict[str, Any] | None:
    bounds = SCALABLE_TARGETS.get((env, svc))
    if bounds is None:
        return None
    aas = moto.seed_client("application-autoscaling", account)
    resource_id = f"service/{cluster_name}/{svc}"
    aas.register_scalable_target(
        ServiceNamespace="ecs",
        ResourceId=resource_id,
        ScalableDimension="ecs:service:DesiredCount",
        MinCapacity=bounds[0],
        MaxCapacity=bounds[1],
    )
    got = aas.describe_scalable_targets(ServiceNamespace="ecs", ResourceIds=[resource_id])["ScalableTargets"]
    if [(t["MinCapacity"], t["MaxCapacity"]) for t in got] != [bounds]:
        raise SeedError(f"scalable target {resource_id}: {got}")
    log(f"application-autoscaling {resource_id} in {account}: min {bounds[0]}, max {bounds[1]}")
    return {"resource_id": resource_id, "min_capacity": bounds[0], "max_capacity": bounds[1]}


def seed_environment(moto: Moto, env: str, account: str, repos: dict[str, Any]) -> dict[str, Any]:
    subnet, sg = seed_network(moto, account)
    ecs = moto.seed_client("ecs", account)
    logs = moto.seed_client("logs", account)
    cluster_name = f"app-{env}"
    cluster = ecs.create_cluster(clusterName=cluster_name)["cluster"]
    network = {"awsvpcConfiguration": {"subnets": [subnet], "securityGroups": [sg], "assignPublicIp": "DISABLED"}}
    services: dict[str, Any] = {}
    for svc in SERVICES:
        repo = f"myapp-{svc}"
        image = f"{repos[repo]['uri']}:{env}"
        expected_image = f"{REGISTRY_ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com/{repo}:{env}"
        if image != expected_image:
            raise SeedError(f"repository URI {repos[repo]['uri']} is not the expected registry host")
        log_group = f"/ecs/{cluster_name}/{svc}"
        container: dict[str, Any] = {
            "name": svc,
            "image": image,
            "essential": True,
            "cpu": 256,
            "memory": 512,
            "environment": [{"name": "APP_ENV", "value": env}],
            "logConfiguration": {
                "logDriver": "awslogs",
                "options": {"awslogs-group": log_group, "awslogs-region": REGION, "awslogs-stream-prefix": "ecs"},
            },
        }
        if svc != "worker":
            container["portMappings"] = [{"containerPort": 8080, "hostPort": 8080, "protocol": "tcp"}]
        td = ecs.register_task_definition(
            family=f"{env}-{svc}",
            networkMode="awsvpc",
            requiresCompatibilities=["FARGATE"],
            cpu="256",
            memory="512",
            containerDefinitions=[container],
        )["taskDefinition"]
        service = ecs.create_service(
            cluster=cluster_name,
            serviceName=svc,
            taskDefinition=td["taskDefinitionArn"],
            desiredCount=DESIRED_COUNT,
            launchType="FARGATE",
            networkConfiguration=network,
        )["service"]
        deployments = service.get("deployments") or []
        started_by = deployments[0]["id"] if deployments and deployments[0].get("id") else f"ecs-svc/{svc}"
        tasks = ecs.run_task(
            cluster=cluster_name,
            taskDefinition=td["taskDefinitionArn"],
            count=TASKS_PER_SERVICE,
            launchType="FARGATE",
            networkConfiguration=network,
            group=f"service:{svc}",
            startedBy=started_by,
        )
        if tasks.get("failures") or len(tasks["tasks"]) != TASKS_PER_SERVICE:
            raise SeedError(f"RunTask {cluster_name}/{svc}: {tasks.get('failures')}")
        task_arns = [t["taskArn"] for t in tasks["tasks"]]
        task_ids = [a.rsplit("/", 1)[-1] for a in task_arns]

        logs.create_log_group(logGroupName=log_group)
        streams = []
        now_ms = int(time.time() * 1000)
        for i, tid in enumerate(task_ids):
            stream = f"ecs/{svc}/{tid}"
            logs.create_log_stream(logGroupName=log_group, logStreamName=stream)
            base = now_ms - 60_000 + i * 1000
            events = [
                {"timestamp": base + k * 100, "message": f"[{env}] {svc} task {tid[:8]} line {k + 1}: " + msg}
                for k, msg in enumerate(
                    [
                        f"starting {svc} (image tag {env})",
                        "loading configuration",
                        "connected to dependencies",
                        "listening on :8080" if svc != "worker" else "polling queue",
                        "healthy",
                    ][:LOG_LINES]
                )
            ]
            logs.put_log_events(logGroupName=log_group, logStreamName=stream, logEvents=events)
            streams.append(stream)

        services[svc] = {
            "service_name": svc,
            "service_arn": service["serviceArn"],
            "task_definition_arn": td["taskDefinitionArn"],
            "task_definition_family": td["family"],
            "container": svc,
            "image": image,
            "image_digest": repos[repo]["tags"][env],
            "desired_count": DESIRED_COUNT,
            "running_count": service.get("runningCount", 0),
            "task_arns": task_arns,
            "task_ids": task_ids,
            "log_group": log_group,
            "log_streams": streams,
            "log_lines_per_stream": LOG_LINES,
            "scalable_target": seed_scalable_target(moto, account, cluster_name, env, svc),
        }

    # Check what was seeded as a client of this account sees it (still auth off).
    listed = ecs.list_tasks(cluster=cluster_name, desiredStatus="RUNNING", maxResults=100)["taskArns"]
    want = sorted(a for s in services.values() for a in s["task_arns"])
    if sorted(listed) != want:
        raise SeedError(f"{cluster_name}: ListTasks gives {len(listed)} tasks, expected {len(want)}")
    described = ecs.describe_tasks(cluster=cluster_name, tasks=want)["tasks"]
    bad = [(t["taskArn"], t.get("lastStatus")) for t in described if t.get("lastStatus") != "RUNNING"]
    if bad or len(described) != len(want):
        raise SeedError(f"{cluster_name}: tasks not RUNNING: {bad}")
    svcs = ecs.describe_services(cluster=cluster_name, services=SERVICES)["services"]
    for s in svcs:
        if s.get("runningCount") != DESIRED_COUNT:
            raise SeedError(
                f"{cluster_name}/{s['serviceName']}: runningCount {s.get('runningCount')}; "
                "start moto_server with MOTO_ECS_SERVICE_RUNNING=2"
            )
        services[s["serviceName"]]["running_count"] = s["runningCount"]
    log(f"ecs {cluster_name} in {account}: {len(SERVICES)} services, {len(want)} running tasks, logs")
    return {
        "name": env,
        "account": account,
        "cluster": cluster_name,
        "cluster_arn": cluster["clusterArn"],
        "image_tag": env,
        "services": services,
    }


# --------------------------------------------------------------------------------------------
# verification with authentication on


def error_code(e: botocore.exceptions.ClientError) -> str:
    # moto answers auth failures on JSON APIs (ECS, ECR, Logs) with an XML <ErrorResponse>; botocore's
    # JSON parser then reports the HTTP status ("403") as the code and the XML as the message.
    err = e.response.get("Error", {})
    code = str(err.get("Code", ""))
    m = re.search(r"<Code>([^<]+)</Code>", str(err.get("Message", "")))
    if m and (not code or code.isdigit()):
        return m.group(1)
    return code


def expect_error(what: str, codes: set[str], fn) -> str:
    try:
        fn()
    except botocore.exceptions.ClientError as e:
        code = error_code(e)
        if code in codes:
            return code
        raise SeedError(f"{what}: expected {sorted(codes)}, got {code}: {e}")
    raise SeedError(f"{what}: expected {sorted(codes)}, but the call succeeded (is auth on?)")


def assume(moto: Moto, user: dict[str, Any], arn: str):
    sts = moto.client("sts", user["access_key_id"], user["secret_access_key"])
    c = sts.assume_role(RoleArn=arn, RoleSessionName="ecsdash-verify")["Credentials"]
    return c["AccessKeyId"], c["SecretAccessKey"], c["SessionToken"]


def verify(moto: Moto, world: dict[str, Any]) -> None:
    ci = world["users"]["ci"]
    ro = world["users"]["readonly"]
    dev = world["environments"][0]

    # 1. The CI key is accepted.
    ident = moto.client("sts", ci["access_key_id"], ci["secret_access_key"]).get_caller_identity()
    if ident["Account"] != BASE_ACCOUNT or ident["Arn"] != ci["arn"]:
        raise SeedError(f"ecsdash-ci GetCallerIdentity gave {ident['Account']} {ident['Arn']}")
    log(f"verify: ecsdash-ci is {ident['Arn']}")

    # 2. A wrong secret is rejected.
    code = expect_error(
        "GetCallerIdentity with a wrong secret",
        {"SignatureDoesNotMatch"},
        lambda: moto.client("sts", ci["access_key_id"], "wrong" + ci["secret_access_key"][5:]).get_caller_identity(),
    )
    log(f"verify: wrong secret -> {code}")

    # 3. CI assumes DashboardReadOnly in dev and sees the 3 services.
    creds = assume(moto, ci, dev["readonly_role_arn"])
    ident = moto.client("sts", *creds).get_caller_identity()
    if ident["Account"] != dev["account"]:
        raise SeedError(f"assumed {dev['readonly_role_arn']} but acting in {ident['Account']}")
    ecs = moto.client("ecs", *creds)
    arns = ecs.list_services(cluster=dev["cluster"], maxResults=100)["serviceArns"]
    want = sorted(s["service_arn"] for s in dev["services"].values())
    if sorted(arns) != want:
        raise SeedError(f"ListServices app-dev as DashboardReadOnly: {arns}, expected {want}")
    described = ecs.describe_services(cluster=dev["cluster"], services=SERVICES)["services"]
    if sorted(s["serviceName"] for s in described) != sorted(SERVICES):
        raise SeedError(f"DescribeServices app-dev: {described}")
    log(f"verify: ci -> {ROLE_READONLY}@dev lists {len(arns)} services in app-dev")
    fe = dev["services"]["frontend"]
    events = moto.client("logs", *creds).get_log_events(
        logGroupName=fe["log_group"], logStreamName=fe["log_streams"][0], startFromHead=True
    )["events"]
    if len(events) != LOG_LINES:
        raise SeedError(f"GetLogEvents {fe['log_group']} {fe['log_streams'][0]}: {len(events)} events")
    log(f"verify: {ROLE_READONLY}@dev reads {len(events)} log lines of {fe['log_streams'][0]}")

    # 4. The read-only role may not deploy; the deployer may.
    code = expect_error(
        "UpdateService as DashboardReadOnly",
        {"AccessDenied", "AccessDeniedException"},
        lambda: ecs.update_service(cluster=dev["cluster"], service="frontend", desiredCount=DESIRED_COUNT),
    )
    log(f"verify: {ROLE_READONLY} UpdateService -> {code}")

    # 5. Registry read-only role reads ECR in the registry account.
    reg = world["registry"]
    ecr = moto.client("ecr", *assume(moto, ci, reg["readonly_role_arn"]))
    repos = sorted(r["repositoryName"] for r in ecr.describe_repositories()["repositories"])
    if repos != sorted(REPOSITORIES):
        raise SeedError(f"DescribeRepositories as registry DashboardReadOnly: {repos}")
    log(f"verify: ci -> {ROLE_READONLY}@registry sees {', '.join(repos)}")

    # 5b. The registry deployer is allowed ecr:PutImage: re-putting `dev` where it already points is
    #     authorised and changes nothing (ImageAlreadyExistsException). The read-only role is denied.
    repo = REPOSITORIES[0]
    img = ecr.batch_get_image(repositoryName=repo, imageIds=[{"imageTag": "dev"}])["images"][0]

    def put(client):
        return lambda: client.put_image(
            repositoryName=repo,
            imageManifest=img["imageManifest"],
            imageManifestMediaType=img.get("imageManifestMediaType", MANIFEST_V2),
            imageTag="dev",
        )

    code = expect_error(f"PutImage {repo}:dev as registry {ROLE_READONLY}", {"AccessDenied", "AccessDeniedException"}, put(ecr))
    deployer_ecr = moto.client("ecr", *assume(moto, ci, reg["deployer_role_arn"]))
    code2 = expect_error(f"PutImage {repo}:dev as registry {ROLE_DEPLOYER}", {"ImageAlreadyExistsException"}, put(deployer_ecr))
    log(f"verify: PutImage as {ROLE_READONLY}@registry -> {code}; as {ROLE_DEPLOYER}@registry -> {code2}")

    # 5c. The read-only role reads the Application Auto Scaling target (IAM checked); NoPermissions may not.
    target = fe["scalable_target"]
    aas = moto.client("application-autoscaling", *creds)
    got = aas.describe_scalable_targets(ServiceNamespace="ecs", ResourceIds=[target["resource_id"]])["ScalableTargets"]
    if [(t["MinCapacity"], t["MaxCapacity"]) for t in got] != [(target["min_capacity"], target["max_capacity"])]:
        raise SeedError(f"DescribeScalableTargets as {ROLE_READONLY}@dev: {got}")
    code = expect_error(
        "DescribeScalableTargets as NoPermissions",
        {"AccessDenied", "AccessDeniedException"},
        lambda: moto.client("application-autoscaling", *assume(moto, ci, dev["no_permissions_role_arn"])).describe_scalable_targets(
            ServiceNamespace="ecs"
        ),
    )
    log(f"verify: {ROLE_READONLY}@dev reads {target['resource_id']}; {ROLE_NONE} -> {code}")

    # 6. NoPermissions is denied ECS.
    none_ecs = moto.client("ecs", *assume(moto, ci, dev["no_permissions_role_arn"]))
    code = expect_error(
        "ListServices as NoPermissions",
        {"AccessDenied", "AccessDeniedException"},
        lambda: none_ecs.list_services(cluster=dev["cluster"]),
    )
    log(f"verify: {ROLE_NONE} ListServices -> {code}")

    # 7. The read-only user may assume only DashboardReadOnly roles.
    assume(moto, ro, dev["readonly_role_arn"])
    code = expect_error(
        "ecsdash-readonly AssumeRole DashboardDeployer",
        {"AccessDenied"},
        lambda: assume(moto, ro, dev["deployer_role_arn"]),
    )
    log(f"verify: ecsdash-readonly -> {ROLE_READONLY} ok, -> {ROLE_DEPLOYER} {code}")

    # 8. Session credentials without the token are rejected.
    code = expect_error(
        "assumed-role key without session token",
        {"InvalidClientTokenId", "UnrecognizedClientException"},
        lambda: moto.client("ecs", creds[0], creds[1]).list_services(cluster=dev["cluster"]),
    )
    log(f"verify: assumed key without session token -> {code}")


# --------------------------------------------------------------------------------------------


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--endpoint", required=True, help="moto server URL, e.g. http://127.0.0.1:5000")
    p.add_argument("--out", required=True, help="where to write the world JSON")
    a = p.parse_args()

    # Never let ambient AWS configuration leak into the seeding clients.
    for var in ["AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_CA_BUNDLE"]:
        os.environ.pop(var, None)
    os.environ["AWS_CONFIG_FILE"] = os.devnull
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
    os.environ["AWS_EC2_METADATA_DISABLED"] = "true"

    moto = Moto(a.endpoint)
    step = "start"
    try:
        step = "freeze ECS task state transitions"
        moto.api(
            "/moto-api/state-manager/set-transition",
            json.dumps({"model_name": "ecs::task", "transition": {"progression": "manual", "times": 1000000000000}}).encode(),
            "application/json",
        )
        step = "check that x-moto-account-id selects the account"
        check_account_header(moto)

        step = "IAM roles"
        role_sets = {acct: create_roles(moto, acct) for acct in [REGISTRY_ACCOUNT] + [a for _, a in ENVIRONMENTS]}
        step = "IAM users"
        users = create_users(moto)
        log("iam: users ecsdash-ci, ecsdash-readonly; 3 roles in each of 5 accounts")

        step = "ECR registry"
        repos = seed_registry(moto)

        environments = []
        for env, account in ENVIRONMENTS:
            step = f"environment {env}"
            e = seed_environment(moto, env, account, repos)
            # keep the documented key order: roles right after the cluster
            e = {k: e[k] for k in ["name", "account", "cluster", "cluster_arn"]} | role_sets[account] | {
                k: e[k] for k in ["image_tag", "services"]
            }
            environments.append(e)

        world = {
            "endpoint": moto.endpoint,
            "region": REGION,
            "users": users,
            "registry": {"account": REGISTRY_ACCOUNT} | role_sets[REGISTRY_ACCOUNT] | {"repositories": repos},
            "environments": environments,
        }

        step = "turn on authentication"
        moto.api("/moto-api/reset-auth", b"0", "application/octet-stream")

        step = "verify the world with authentication on"
        verify(moto, world)
    except (SeedError, botocore.exceptions.BotoCoreError, botocore.exceptions.ClientError, OSError) as e:
        sys.stderr.write(f"error: seeding moto at {a.endpoint} failed during '{step}': {type(e).__name__}: {e}\n")
        return 1

    out_dir = os.path.dirname(os.path.abspath(a.out))
    os.makedirs(out_dir, exist_ok=True)
    tmp = a.out + ".tmp"
    with open(tmp, "w") as f:
        json.dump(world, f, indent=2)
        f.write("\n")
    os.replace(tmp, a.out)
    log(f"world written to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
