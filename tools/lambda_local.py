"""Runs a function of template.yaml under AWS's Lambda Runtime Interface Emulator, with no Docker.

    tools/lambda-local invoke <LogicalId> -e <event.json> [--env-vars <env.json>] [--template template.yaml] [--repeat N]

The command line mirrors `sam local invoke`: the function's response JSON on stdout, its logs on stderr, exit code 1
when the function fails (an error it threw, a failed init, a runtime that exited, a timeout). Handler, memory, timeout
and environment come from template.yaml (Globals merged), the env file is SAM's format ({"<LogicalId>": {...},
"Parameters": {...}}) and, as in SAM, only sets variables the template declares.

How: tools/lambda-rie builds AWS's emulator (aws-lambda-rie, from the Go module
github.com/aws/aws-lambda-runtime-interface-emulator, pinned) into .tools/bin. This starts it on free loopback ports
with, as its bootstrap, a JVM that runs the function's shaded jar under AWS's Java runtime interface client
(com.amazonaws:aws-lambda-java-runtime-interface-client, what Lambda's java21 runtime runs handlers with). The emulator
serves the Lambda runtime API to that JVM, as `sam local invoke` has it do inside its container, and each event is
POSTed to the emulator's invoke endpoint. Both the emulator and the runtime client are AWS's; only the template
reading and this command line are ours.
"""
import argparse
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda"
# The emulator's invoke endpoint (its README, "Getting started"; internal/lambda/rie/http.go).
INVOKE_PATH = "/2015-03-31/functions/function/invocations"
# What the emulator answers instead of a response when the function runs out of time: status 200 and this text, not
# JSON (internal/lambda/rie/handlers.go, the ErrInvokeTimeout case).
TIMED_OUT = b"Task timed out after "
# The keys of the error document a runtime reports (the runtime client's LambdaError); SAM CLI's
# LambdaOutputParser.is_lambda_error_response recognises a failed invocation by the same keys.
ERROR_KEYS = {"errorMessage", "errorType", "stackTrace", "cause"}


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
        self.variables = _settings_as_variables(variables, resources)

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


def _settings_as_variables(variables, resources):
    """The settings parameter's KEY=value lines as the function's own variables.

    Deployed, a function reads its settings at run time from the SSM parameter SETTINGS_PARAMETER names
    (io.ycbridge.aws.LiveSettings). There is no SSM here, so each line of that parameter's !Sub becomes a variable of
    its own (its ${Parameter} a !Ref, resolved and overridable like any other) and SETTINGS_PARAMETER is left out:
    without it LiveSettings reads the environment alone, the same names with the same values.
    """
    reference = variables.get("SETTINGS_PARAMETER")
    parameter = resources.get(reference.get("Ref")) if isinstance(reference, dict) else None
    if not parameter or parameter.get("Type") != "AWS::SSM::Parameter":
        return variables
    value = parameter["Properties"]["Value"]
    text, substitutions = (value["Fn::Sub"], {}) if isinstance(value["Fn::Sub"], str) else value["Fn::Sub"]
    expanded = {k: v for k, v in variables.items() if k != "SETTINGS_PARAMETER"}
    for line in text.splitlines():
        if "=" not in line:
            continue
        name, raw = line.split("=", 1)
        whole = re.fullmatch(r"\$\{([A-Za-z0-9]+)}", raw)
        if whole:
            expanded[name] = substitutions.get(whole.group(1), {"Ref": whole.group(1)})
        else:
            expanded[name] = raw
    return expanded


def error_document(error_type, message):
    return json.dumps({"errorType": error_type, "errorMessage": message}, separators=(",", ":")).encode()


def is_error_document(body):
    try:
        document = json.loads(body)
    except ValueError:
        return False
    return isinstance(document, dict) and {"errorMessage", "errorType"} <= document.keys() <= ERROR_KEYS


def outcome(status, body):
    """(failed, the document to print) from one answer of the emulator.

    Lambda's Invoke API marks a failure with the X-Amz-Function-Error header; the emulator drops every header the
    sandbox sets (ResponseWriterProxy in internal/lambda/rie/util.go), so what is left to read is its status and body:
    - 200 and the runtime client's error document: the handler threw;
    - 502 and an error document (or nothing, when the runtime could not even be started): init failed, or the runtime
      exited (internal/lambda/rie/handlers.go, ErrInitDoneFailed and ErrInvokeDoneFailed);
    - 200 and "Task timed out after N.00 seconds": the function's Timeout ran out; printed here as the error document
      Lambda itself returns for a timeout (errorType Sandbox.Timedout), so stdout stays JSON.
    """
    if status // 100 != 2:
        return True, body if body.strip() else error_document(
            "Runtime.Unknown", f"the emulator answered {status} with no body; its log above says why")
    if body.startswith(TIMED_OUT):
        return True, error_document("Sandbox.Timedout", body.decode("utf-8", "replace"))
    return is_error_document(body), body


def free_loopback_ports(count):
    """Ports free right now, held together while chosen so that no two are the same."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


class Emulator:
    """One aws-lambda-rie process; it starts the runtime (the bootstrap command) on the first invocation."""

    def __init__(self, executable, bootstrap, env):
        # A port can be taken between choosing it and the emulator binding it (it then exits: "address already in use"),
        # so a start that does not come up is tried again on other ports.
        for _ in range(3):
            self.port, runtime_api_port = free_loopback_ports(2)
            # Flags per internal/lambda/rie/run.go. --runtime-api-address: its default, 127.0.0.1:9001, is one fixed port
            # for every emulator on the machine. --log-level error, as SAM CLI starts it (LambdaContainer's entrypoint),
            # keeps its per-phase lines out of the function's logs but not why an init or invocation failed; given on
            # the command line it also stops the emulator reading LOG_LEVEL, which may be the function's own variable.
            # The bootstrap follows the flags as it is: the emulator parses its own flags ignoring unknown ones, so the
            # JVM's options pass through, and a "--" would be taken for the command (run.go, getCLIArgs, getBootstrap).
            command = [str(executable), "--log-level", "error",
                       "--runtime-interface-emulator-address", f"127.0.0.1:{self.port}",
                       "--runtime-api-address", f"127.0.0.1:{runtime_api_port}", *bootstrap]
            # The emulator writes its START/END/REPORT lines and the runtime's output to its stdout: logs, so stderr here.
            self.process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=sys.stderr, stderr=sys.stderr)
            if self._listening(deadline=time.monotonic() + 10):
                return
            self.stop()
        raise SystemExit("lambda-local: aws-lambda-rie did not start listening; its log is above")

    def _listening(self, deadline):
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return True
            except OSError:
                time.sleep(0.01)
        return False

    def invoke(self, payload, timeout_seconds):
        """(failed, document). The emulator enforces the function's timeout itself; the socket's is only a backstop."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout_seconds + 30)
        try:
            connection.request("POST", INVOKE_PATH, body=payload, headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            return outcome(response.status, response.read())
        except (OSError, http.client.HTTPException) as e:
            return True, error_document("Runtime.EmulatorFailed", f"no answer from aws-lambda-rie: {e!r}")
        finally:
            connection.close()

    def stop(self):
        # SIGTERM makes the emulator reset the sandbox, which SIGKILLs the runtime's process group, and exit
        # (rapidcore/sandbox_builder.go: signalHandler and the shutdown functions; supervisor/local_supervisor.go: kill).
        # The runtime runs in a process group of its own (Setpgid), so if the emulator has to be killed instead, its
        # children are ended here by pid, read before, or they would outlive it.
        children = self._children()
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            for pid in children:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

    def _children(self):
        """Pids whose parent is the emulator, from /proc/<pid>/stat (its 4th field, after the name in parentheses)."""
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == self.process.pid:
                    pids.append(int(stat.parent.name))
            except (OSError, IndexError, ValueError):
                pass
        return pids


def java_home():
    return subprocess.run([str(ROOT / "tools" / "select-jdk")], check=True, capture_output=True, text=True).stdout.strip()


def emulator_executable():
    """The pinned aws-lambda-rie, built first if missing (tools/lambda-rie says why when it cannot be)."""
    built = subprocess.run([str(ROOT / "tools" / "lambda-rie"), "--print"], stdout=subprocess.PIPE, text=True)
    if built.returncode != 0:
        raise SystemExit("lambda-local: no aws-lambda-rie to run the function under (tools/lambda-rie, above)")
    return built.stdout.strip()


def runtime_classpath(java_env):
    cache = ROOT / "tools" / "lambda-runtime" / "target" / "classpath.txt"
    if not cache.exists():
        cache.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["mvn", "-B", "-q", "-ntp", "-f", str(ROOT / "tools" / "lambda-runtime" / "pom.xml"),
                        "dependency:build-classpath", f"-Dmdep.outputFile={cache}"],
                       check=True, env=java_env, stdout=sys.stderr)
    return cache.read_text().strip()


def function_environment(spec, env_file):
    """What the emulator is started with; it passes its whole environment on to the runtime (rie/handlers.go, InitHandler)."""
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "TZ")}
    # Credentials, and endpoints of local AWS services (AWS_ENDPOINT_URL_DYNAMODB, …, read by the SDK itself), come
    # from the caller as they would from the machine: they are not the function's configuration.
    env.update({k: v for k, v in os.environ.items() if k.startswith("AWS_ACCESS_KEY") or k.startswith("AWS_SECRET")
                or k == "AWS_SESSION_TOKEN" or k.startswith("AWS_ENDPOINT_URL")})
    env.update(spec.environment(env_file))
    # The emulator reads the timeout, memory, name and version from these (its README, "How to configure"); it sets
    # AWS_LAMBDA_RUNTIME_API itself.
    env.update({
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
    return env


def invoke(args):
    spec = FunctionSpec(args.template, args.logical_id)
    if not spec.code.is_file():
        raise SystemExit(f"lambda-local: {spec.code} does not exist; build it first: "
                         f"mvn -B package -DskipTests (or ./ycbridge test)")
    payload = Path(args.event).read_bytes() if args.event != "-" else sys.stdin.buffer.read()
    home = java_home()
    classpath = f"{spec.code}{os.pathsep}{runtime_classpath(dict(os.environ, JAVA_HOME=home))}"
    # Lambda's java21 runtime sizes the heap from the function's memory; so does this (the emulator enforces no memory).
    heap = max(64, int(spec.memory * 0.85))
    # The handler goes last: the runtime client takes it as its argument, and the emulator takes the last argument for
    # the handler too (rie/run.go, getBootstrap).
    bootstrap = [f"{home}/bin/java", f"-Xmx{heap}m", "--enable-native-access=ALL-UNNAMED", "-XX:+TieredCompilation",
                 "-XX:TieredStopAtLevel=1", "-cp", classpath, RIC_MAIN, spec.handler]

    executable = emulator_executable()
    started = time.monotonic()
    emulator = Emulator(executable, bootstrap, function_environment(spec, args.env_vars))
    try:
        status = 0
        for i in range(args.repeat):
            began = time.monotonic()
            failed, body = emulator.invoke(payload, spec.timeout)
            took = (time.monotonic() - began) * 1000
            # The emulator starts the runtime on the first invocation, so the first includes the JVM's start and init.
            first = " (first, including JVM start and init)" if i == 0 else ""
            print(f"REPORT {spec.logical_id} invocation {i + 1}: {took:.1f} ms{first}; "
                  f"since the emulator started {(time.monotonic() - started) * 1000:.1f} ms", file=sys.stderr)
            if failed:
                status = 1
        sys.stdout.write(body.decode("utf-8", "replace"))
        sys.stdout.write("\n")
        sys.stdout.flush()
        return status
    finally:
        emulator.stop()


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
