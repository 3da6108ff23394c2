"""Runs a function of template.yaml through the real Lambda runtime API, with no Docker.

    tools/lambda-local invoke <LogicalId> -e <event.json> [--env-vars <env.json>] [--template template.yaml]

The command line mirrors `sam local invoke`: the function's response JSON on stdout, its logs on stderr, exit code 1
when the function fails. Handler, memory, timeout and environment come from template.yaml (Globals merged), the env
file is SAM's format ({"<LogicalId>": {...}, "Parameters": {...}}) and, as in SAM, only sets variables the template
declares.

How: this process serves the Lambda runtime API (the endpoints AWS's runtime interface emulator serves: next,
response, error, init error) on a loopback port, and starts the function's shaded jar in a fresh JVM under AWS's own
Java runtime interface client (com.amazonaws:aws-lambda-java-runtime-interface-client), which is what runs
handlers in Lambda's java21 runtime. The emulator is ours because the Go module of AWS's emulator is not served by
this project's Go proxy; the protocol and the runtime client are the real ones.
"""
import argparse
import json
import os
import queue
import subprocess
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda"


class CloudFormationLoader(yaml.SafeLoader):
    """Reads CloudFormation short-form tags (!Ref, !GetAtt, !Sub, …) into their long form."""


def _intrinsic(loader, tag_suffix, node):
    name = "Ref" if tag_suffix == "Ref" else "Fn::" + tag_suffix
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
        if tag_suffix == "GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {name: value}


CloudFormationLoader.add_multi_constructor("!", _intrinsic)


class FunctionSpec:
    def __init__(self, template_path, logical_id):
        template = yaml.load(Path(template_path).read_text(encoding="utf-8"), Loader=CloudFormationLoader)
        resources = template.get("Resources", {})
        if logical_id not in resources:
            functions = sorted(k for k, v in resources.items() if v.get("Type") == "AWS::Serverless::Function")
            raise SystemExit(f"lambda-local: no resource {logical_id} in {template_path}; functions: {', '.join(functions)}")
        resource = resources[logical_id]
        if resource.get("Type") != "AWS::Serverless::Function":
            raise SystemExit(f"lambda-local: {logical_id} is a {resource.get('Type')}, not an AWS::Serverless::Function")
        globals_ = (template.get("Globals") or {}).get("Function") or {}
        props = dict(globals_)
        props.update(resource.get("Properties") or {})
        variables = dict(((globals_.get("Environment") or {}).get("Variables") or {}))
        variables.update((((resource.get("Properties") or {}).get("Environment") or {}).get("Variables") or {}))
        self.logical_id = logical_id
        self.handler = props["Handler"]
        self.runtime = props.get("Runtime")
        self.memory = int(props.get("MemorySize", 128))
        self.timeout = int(props.get("Timeout", 3))
        self.code = (Path(template_path).parent / props["CodeUri"]).resolve()
        self.parameters = template.get("Parameters") or {}
        self.variables = variables

    def environment(self, env_file):
        """Template variables with literal values, parameters' defaults for !Ref, then the env file's overrides."""
        resolved = {}
        for name, value in self.variables.items():
            resolved[name] = self._resolve(value)
        if env_file:
            overrides = json.loads(Path(env_file).read_text(encoding="utf-8"))
            for section in ("Parameters", self.logical_id):
                for name, value in (overrides.get(section) or {}).items():
                    if name in self.variables:
                        resolved[name] = str(value)
        return {k: v for k, v in resolved.items() if v is not None}

    def _resolve(self, value):
        if isinstance(value, (str, int, float, bool)):
            return str(value)
        if isinstance(value, dict) and "Ref" in value:
            parameter = self.parameters.get(value["Ref"])
            if parameter is not None and "Default" in parameter:
                return str(parameter["Default"])
            # SAM does the same for what it cannot resolve locally: the logical id stands in for the value.
            return value["Ref"]
        return None


class RuntimeApi:
    """The Lambda runtime API for one function process: events in, responses and errors out."""

    def __init__(self):
        self.events = queue.Queue()
        self.results = {}
        self.init_error = None
        self.done = threading.Condition()
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in separate writes; with Nagle on, the second waits for the runtime's delayed
            # ACK (40 ms on Linux), which would add to every invocation a cost Lambda's runtime API does not have.
            disable_nagle_algorithm = True

            def log_message(self, *args):
                pass

            def _body(self):
                length = int(self.headers.get("Content-Length") or 0)
                return self.rfile.read(length) if length else b""

            def _answer(self, status, body=b"", headers=None):
                self.send_response(status)
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                if self.path != "/2018-06-01/runtime/invocation/next":
                    return self._answer(404)
                request_id, payload, deadline_ms = api.events.get()
                self._answer(200, payload, {
                    "Content-Type": "application/json",
                    "Lambda-Runtime-Aws-Request-Id": request_id,
                    "Lambda-Runtime-Deadline-Ms": str(deadline_ms),
                    "Lambda-Runtime-Invoked-Function-Arn": "arn:aws:lambda:us-east-1:000000000000:function:local",
                    "Lambda-Runtime-Trace-Id": "Root=1-00000000-000000000000000000000000;Sampled=0",
                })

            def do_POST(self):
                body = self._body()
                parts = self.path.strip("/").split("/")
                if self.path == "/2018-06-01/runtime/init/error":
                    api._finish(None, ("init-error", body))
                elif len(parts) == 5 and parts[2] == "invocation" and parts[4] in ("response", "error"):
                    api._finish(parts[3], ("ok" if parts[4] == "response" else "error", body))
                else:
                    return self._answer(404)
                self._answer(202, b'{"status":"OK"}', {"Content-Type": "application/json"})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def address(self):
        return f"127.0.0.1:{self.server.server_address[1]}"

    def _finish(self, request_id, result):
        with self.done:
            if request_id is None:
                self.init_error = result
            else:
                self.results[request_id] = result
            self.done.notify_all()

    def invoke(self, payload, timeout_seconds, process):
        request_id = str(uuid.uuid4())
        self.events.put((request_id, payload, int((time.time() + timeout_seconds) * 1000)))
        deadline = time.monotonic() + timeout_seconds
        with self.done:
            while request_id not in self.results and self.init_error is None:
                if process.poll() is not None:
                    return ("error", json.dumps({"errorType": "Runtime.ExitError",
                                                 "errorMessage": f"the runtime exited with {process.returncode}"}).encode())
                if time.monotonic() > deadline:
                    return ("error", json.dumps({"errorType": "Sandbox.Timedout",
                                                 "errorMessage": f"Task timed out after {timeout_seconds} seconds"}).encode())
                self.done.wait(0.05)
            return self.init_error or self.results[request_id]


def java_home():
    return subprocess.run([str(ROOT / "tools" / "select-jdk")], check=True, capture_output=True, text=True).stdout.strip()


def runtime_classpath(java_env):
    cache = ROOT / "tools" / "lambda-runtime" / "target" / "classpath.txt"
    if not cache.exists():
        cache.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["mvn", "-B", "-q", "-ntp", "-f", str(ROOT / "tools" / "lambda-runtime" / "pom.xml"),
                        "dependency:build-classpath", f"-Dmdep.outputFile={cache}"],
                       check=True, env=java_env, stdout=sys.stderr)
    return cache.read_text().strip()


def invoke(args):
    spec = FunctionSpec(args.template, args.logical_id)
    if not spec.code.is_file():
        raise SystemExit(f"lambda-local: {spec.code} does not exist; build it first: "
                         f"mvn -B package -DskipTests (or ./ycbridge test)")
    payload = Path(args.event).read_bytes() if args.event != "-" else sys.stdin.buffer.read()
    home = java_home()
    java_env = dict(os.environ, JAVA_HOME=home)
    classpath = f"{spec.code}{os.pathsep}{runtime_classpath(java_env)}"

    api = RuntimeApi()
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "TZ")}
    # Credentials, and endpoints of local AWS services (AWS_ENDPOINT_URL_DYNAMODB, …, read by the SDK itself), come
    # from the caller as they would from the machine: they are not the function's configuration.
    env.update({k: v for k, v in os.environ.items() if k.startswith("AWS_ACCESS_KEY") or k.startswith("AWS_SECRET")
                or k == "AWS_SESSION_TOKEN" or k.startswith("AWS_ENDPOINT_URL")})
    env.update(spec.environment(args.env_vars))
    env.update({
        "AWS_LAMBDA_RUNTIME_API": api.address,
        "_HANDLER": spec.handler,
        "AWS_LAMBDA_FUNCTION_NAME": spec.logical_id,
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(spec.memory),
        "AWS_LAMBDA_FUNCTION_TIMEOUT": str(spec.timeout),
        "AWS_LAMBDA_LOG_GROUP_NAME": f"/aws/lambda/{spec.logical_id}",
        "AWS_LAMBDA_LOG_STREAM_NAME": "local",
        "AWS_EXECUTION_ENV": "AWS_Lambda_java21",
    })
    env.setdefault("AWS_REGION", os.environ.get("AWS_REGION", "us-east-1"))
    env.setdefault("AWS_DEFAULT_REGION", env["AWS_REGION"])
    # Lambda's java21 runtime sizes the heap from the function's memory; so does this.
    heap = max(64, int(spec.memory * 0.85))
    command = [f"{home}/bin/java", f"-Xmx{heap}m", "--enable-native-access=ALL-UNNAMED", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
               "-cp", classpath, RIC_MAIN, spec.handler]
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=sys.stderr, stderr=sys.stderr)
    try:
        status = 0
        for i in range(args.repeat):
            began = time.monotonic()
            kind, body = api.invoke(payload, spec.timeout, process)
            took = (time.monotonic() - began) * 1000
            first = " (first, including JVM start and init)" if i == 0 else ""
            print(f"REPORT {spec.logical_id} invocation {i + 1}: {took:.1f} ms{first}; "
                  f"since process start {(time.monotonic() - started) * 1000:.1f} ms", file=sys.stderr)
            if kind != "ok":
                status = 1
        sys.stdout.write(body.decode("utf-8", "replace"))
        sys.stdout.write("\n")
        sys.stdout.flush()
        return status
    finally:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
        api.server.shutdown()


def main(argv):
    parser = argparse.ArgumentParser(prog="tools/lambda-local", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("invoke", help="invoke one function with one event, like sam local invoke")
    run.add_argument("logical_id", metavar="LogicalId")
    run.add_argument("-e", "--event", required=True, help="event file in the trigger's shape, or - for stdin")
    run.add_argument("-n", "--env-vars", dest="env_vars", help="JSON file of environment overrides, SAM's format")
    run.add_argument("-t", "--template", default=str(ROOT / "template.yaml"))
    run.add_argument("--repeat", type=int, default=1, help="deliver the event this many times to the same process")
    args = parser.parse_args(argv)
    return invoke(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
