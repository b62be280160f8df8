import { CLOSED_CLOUD_SERVICES } from "../../../src/indicators/shared/closed-cloud-services.js";
import { resultFor } from "../../helpers/screen-memory.js";

const pkg = (dependencies: Record<string, string>) => JSON.stringify({ name: "x", dependencies });

describe("indicator 4: closed cloud services", () => {
  test.each([
    ["Firebase", { "firebase.json": '{"hosting": {}}' }, "firebase.json"],
    [
      "AWS Lambda",
      { "serverless.yml": "service: x\nprovider:\n  name: aws\n  runtime: nodejs20.x\n" },
      "serverless.yml",
    ],
    ["Amazon SNS", { "package.json": pkg({ "@aws-sdk/client-sns": "^3.0.0" }) }, "package.json"],
    ["Amazon SQS", { "infra/queues.tf": 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n' }, "infra/queues.tf"],
    [
      "Amazon S3",
      { "pom.xml": "<dependency><groupId>software.amazon.awssdk</groupId><artifactId>s3</artifactId></dependency>" },
      "pom.xml",
    ],
    ["Amazon RDS", { "template.yaml": "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n" }, "template.yaml"],
    ["Amazon QLDB", { "requirements.txt": "pyqldb==3.2\n" }, "requirements.txt"],
    ["Google Cloud Storage", { "requirements.txt": "google-cloud-storage>=2\n" }, "requirements.txt"],
    ["Google Cloud Logging", { "package.json": pkg({ "@google-cloud/logging": "^11" }) }, "package.json"],
    ["Google Earth Engine", { "requirements.txt": "earthengine-api\n" }, "requirements.txt"],
    ["Auth0", { "package.json": pkg({ "@auth0/auth0-react": "^2" }) }, "package.json"],
    [
      "Microsoft IIS",
      { "web.config": "<configuration>\n  <system.webServer>\n  </system.webServer>\n</configuration>\n" },
      "web.config",
    ],
    [
      "AWS Lambda",
      { "docker-compose.yml": "services:\n  fn:\n    image: public.ecr.aws/lambda/python:3.12\n" },
      "docker-compose.yml",
    ],
    ["AWS Lambda", { "compose.yaml": "services:\n  fn:\n    image: amazon/aws-lambda-nodejs:20\n" }, "compose.yaml"],
    [
      "Microsoft IIS",
      {
        "docker-compose.yml":
          "services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n",
      },
      "docker-compose.yml",
    ],
    [
      "Google Cloud Storage",
      { "infra/main.tf": 'resource "google_storage_bucket" "tiles" {\n  name = "tiles"\n}\n' },
      "infra/main.tf",
    ],
    ["Google Cloud Logging", { "go.mod": "module x\n\nrequire cloud.google.com/go/logging v1.9.0\n" }, "go.mod"],
    ["Google Earth Engine", { "package.json": pkg({ "@google/earthengine": "^1" }) }, "package.json"],
    ["Firebase", { "pubspec.yaml": "name: x\ndependencies:\n  cloud_firestore: ^4.0.0\n" }, "pubspec.yaml"],
    [
      "Amazon QLDB",
      { "infra/ledger.tf": 'resource "aws_qldb_ledger" "audit" {\n  name = "audit"\n}\n' },
      "infra/ledger.tf",
    ],
    ["Auth0", { "infra/auth.tf": 'resource "auth0_client" "web" {\n  name = "web"\n}\n' }, "infra/auth.tf"],
  ])("%s is review, named, with its open alternatives and the file and line", async (service, files, path) => {
    const result = await resultFor("4", files);
    expect(result.outcome).toBe("review");
    expect(result.summary).toContain(`proprietary cloud services (${service})`);
    expect(result.summary).toContain("document an open alternative for each");
    const evidence = result.evidence.find((item) => item.note.includes(`${service}, a proprietary`));
    expect(evidence).toMatchObject({ path, line: expect.any(Number) });
    expect(evidence?.note).toContain("open alternatives: ");
  });

  test("a cloud service is never a fail, even next to a closed component", async () => {
    const result = await resultFor("4", {
      "package.json": pkg({ "mapbox-gl": "^3", "@aws-sdk/client-s3": "^3" }),
      "docker-compose.yml": "services:\n  db:\n    image: mongo:7\n",
    });
    expect(result.outcome).toBe("review");
    expect(result.summary).toBe(
      "The project depends on closed or source-available components (MongoDB server (4.0.3 and later, released after 2018-10-16); Mapbox GL JS 2 and later) and proprietary cloud services (Amazon S3); document an open alternative for each.",
    );
  });

  test("a declared open alternative for a service, named as the service, makes it attested", async () => {
    const result = await resultFor("4", {
      "package.json": pkg({ "@aws-sdk/client-s3": "^3" }),
      ".github/dpg.yml":
        "platformIndependence:\n  closedComponents: true\n  openAlternatives:\n    - component: Amazon S3\n      alternative: Garage through the S3 API\n",
    });
    expect(result.outcome).toBe("attested");
  });

  test("many resources of one service are cited three times and counted", async () => {
    const tf = Array.from({ length: 8 }, (_, index) => `resource "aws_s3_bucket" "b${index}" {}\n`).join("");
    const result = await resultFor("4", { "main.tf": tf });
    const s3 = result.evidence.filter((item) => item.note.includes("Amazon S3"));
    expect(s3).toHaveLength(4);
    expect(s3.at(-1)).toEqual({ note: "Amazon S3: 5 more references" });
  });

  test("every entry names its source", () => {
    for (const service of CLOSED_CLOUD_SERVICES) {
      expect(service.sources.length).toBeGreaterThan(0);
      for (const source of service.sources) expect(source).toMatch(/^https:\/\//);
    }
  });

  test("an SDK only in development dependencies is not flagged", async () => {
    const result = await resultFor("4", {
      "package.json": JSON.stringify({ dependencies: { pg: "8" }, devDependencies: { "@aws-sdk/client-s3": "3" } }),
    });
    expect(result.outcome).toBe("pass");
  });
});
