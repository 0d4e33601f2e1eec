"""Resolves one parity case with real botocore and prints what it found as one JSON line.

Input (stdin, JSON): {"env": {...}, "profile": null | "name", "identity": false, "moto": "http://…", "region": "…"}
  env       replaces the whole process environment before botocore is imported (botocore reads HOME at import)
  profile   passed as Session(profile=…), as `aws --profile` does; null leaves it to AWS_PROFILE and friends
  identity  also call GetCallerIdentity (against `moto`) with the credentials found, and report the ARN
Output: {"ok": true, "access_key_id", "secret_access_key", "session_token", "region", "arn"}
     or {"ok": false, "error_class": "<botocore exception class>", "message": "…"}

The Swift side (CredentialParityTests) writes the files, runs this, and compares with ecsdash.
"""
import json
import os
import sys


def main():
    case = json.load(sys.stdin)
    os.environ.clear()
    os.environ.update(case["env"])
    import botocore.session  # after the environment is in place

    try:
        session = botocore.session.Session(profile=case.get("profile"))
        credentials = session.get_credentials()
        if credentials is None:
            return {"ok": False, "error_class": "NoCredentials", "message": "no credentials found"}
        # Role, SSO and web identity credentials are fetched lazily: freezing them makes the call.
        frozen = credentials.get_frozen_credentials()
        result = {
            "ok": True,
            "access_key_id": frozen.access_key,
            "secret_access_key": frozen.secret_key,
            "session_token": frozen.token,
            "region": session.get_config_variable("region"),
        }
        if case.get("identity"):
            # A fresh session, so only the keys found above sign the call.
            plain = botocore.session.Session()
            sts = plain.create_client(
                "sts", region_name=case["region"], endpoint_url=case["moto"],
                aws_access_key_id=frozen.access_key, aws_secret_access_key=frozen.secret_key,
                aws_session_token=frozen.token,
            )
            result["arn"] = sts.get_caller_identity()["Arn"]
        return result
    except Exception as error:  # every failure is an outcome to compare, crashes included
        return {"ok": False, "error_class": type(error).__name__, "message": str(error)[:500]}


if __name__ == "__main__":
    print(json.dumps(main()))
