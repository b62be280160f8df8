// Infrastructure files that tie a deployment to a platform: Terraform provider and resource
// blocks, Serverless Framework and CloudFormation/SAM templates, IIS's web.config and Firebase's
// project files. What they name is matched against the list of closed cloud services.
import type { InfrastructureKind, InfrastructureReference } from "../core/manifest-facts.js";
import type { ManifestContent } from "./manifest-ecosystems.js";
import { eachLine, type ManifestText } from "./manifest-text.js";

function references(
  file: ManifestText,
  kind: InfrastructureKind,
  read: (line: string) => string | undefined,
): InfrastructureReference[] {
  const found: InfrastructureReference[] = [];
  eachLine(file.text, (line, number) => {
    const name = read(line);
    if (name !== undefined) found.push({ kind, name, path: file.path, line: number });
  });
  return found;
}

const TERRAFORM_BLOCK = /^[ \t]*(provider|resource|data)[ \t]+"([\w-]+)"/;
const TERRAFORM_SOURCE = /^[ \t]*source[ \t]*=[ \t]*"(?:registry\.terraform\.io\/)?[\w-]+\/([\w-]+)"/;

/** Terraform: `provider "aws"`, `resource "aws_s3_bucket" "x"`, `data "google_storage_bucket" "y"`, required_providers sources. */
export function terraform(file: ManifestText): ManifestContent {
  return {
    dependencies: [],
    licenses: [],
    infrastructure: references(
      file,
      "terraform",
      (line) => TERRAFORM_BLOCK.exec(line)?.[2] ?? TERRAFORM_SOURCE.exec(line)?.[1],
    ),
  };
}

const CLOUDFORMATION_TYPE = /^[ \t-]*["']?Type["']?[ \t]*:[ \t]*["']?(AWS::[\w]+::[\w]+)/;

/** CloudFormation and SAM templates: `Type: AWS::SQS::Queue` (YAML or JSON). */
export function cloudFormation(file: ManifestText): ManifestContent {
  return {
    dependencies: [],
    licenses: [],
    infrastructure: references(file, "cloudformation", (line) => CLOUDFORMATION_TYPE.exec(line)?.[1]),
  };
}

/** serverless.yml: the `provider.name` the functions run on, and CloudFormation resources. */
export function serverless(file: ManifestText): ManifestContent {
  let inProvider = false;
  const infrastructure: InfrastructureReference[] = [];
  eachLine(file.text, (line, number) => {
    if (/^\S/.test(line)) inProvider = /^provider:/.test(line);
    const provider = inProvider ? /^[ \t]+name:[ \t]*["']?([\w-]+)/.exec(line)?.[1] : undefined;
    if (provider !== undefined)
      infrastructure.push({ kind: "serverless", name: provider, path: file.path, line: number });
    const type = CLOUDFORMATION_TYPE.exec(line)?.[1];
    if (type !== undefined) infrastructure.push({ kind: "cloudformation", name: type, path: file.path, line: number });
  });
  return { dependencies: [], licenses: [], infrastructure };
}

/** web.config with a `<system.webServer>` section configures Microsoft IIS. */
export function webConfig(file: ManifestText): ManifestContent {
  return {
    dependencies: [],
    licenses: [],
    infrastructure: references(file, "iis", (line) =>
      line.includes("<system.webServer") ? "system.webServer" : undefined,
    ).slice(0, 1),
  };
}

/** firebase.json and .firebaserc configure a Firebase project: the file itself is the evidence. */
export function firebaseProject(file: ManifestText): ManifestContent {
  return {
    dependencies: [],
    licenses: [],
    infrastructure: [
      { kind: "firebase", name: file.path.slice(file.path.lastIndexOf("/") + 1), path: file.path, line: 1 },
    ],
  };
}
