// Proprietary cloud platforms a deployment can depend on, recognised through their SDKs in
// manifests and their resources in infrastructure files. DPGA reviewers send applications back
// for such hard dependencies and ask for a documented open alternative, so each is a `review`,
// never a `fail`: the Standard asks for replaceability, not for their absence. Kept as data,
// each entry with its source; recorded 2026-12-01 from the DPGA platform-independence guide and
// the vendors' service terms. Re-check each `source` before extending.
import type {
  Dependency,
  DependencyEcosystem,
  InfrastructureKind,
  InfrastructureReference,
} from "../../core/manifest-facts.js";
import { PLATFORM_GUIDANCE_URL } from "./guidance.js";

export interface ClosedCloudService {
  name: string;
  /** SDK package names per ecosystem, matched against the whole name. */
  packages: Partial<Record<DependencyEcosystem, RegExp>>;
  /** Providers and resource types per kind of infrastructure file. */
  infrastructure: Partial<Record<InfrastructureKind, RegExp>>;
  terms: string;
  openAlternatives: string;
  sources: readonly string[];
}

const AWS_TERMS = "https://aws.amazon.com/service-terms/";
const GOOGLE_CLOUD_TERMS = "https://cloud.google.com/terms/service-terms";

/** An AWS SDK for one service, in each language's naming. */
function awsSdk(service: string, dotnet: string): Partial<Record<DependencyEcosystem, RegExp>> {
  return {
    npm: new RegExp(`^@aws-sdk/client-${service}$`),
    maven: new RegExp(`^(software\\.amazon\\.awssdk:${service}|com\\.amazonaws:aws-java-sdk-${service})$`),
    go: new RegExp(`^github\\.com/aws/aws-sdk-go-v2/service/${service}$`),
    nuget: new RegExp(`^AWSSDK\\.${dotnet}$`),
    rubygems: new RegExp(`^aws-sdk-${service}$`),
  };
}

export const CLOSED_CLOUD_SERVICES: readonly ClosedCloudService[] = [
  {
    name: "Firebase",
    packages: {
      npm: /^(firebase|firebase-admin|firebase-tools|@firebase\/.+|@react-native-firebase\/.+|@angular\/fire)$/,
      pypi: /^firebase-admin$/,
      maven: /^com\.google\.firebase:.+$/,
      pub: /^(firebase_[\w]+|cloud_firestore)$/,
      nuget: /^FirebaseAdmin$/,
      go: /^firebase\.google\.com\/go(\/v\d+)?$/,
      composer: /^kreait\/firebase-php$/,
      rubygems: /^firebase$/,
    },
    infrastructure: { firebase: /./, terraform: /^google_firebase_\w+$/ },
    terms: "a proprietary Google cloud service",
    openAlternatives: "Supabase, Appwrite, or a self-hosted backend behind an abstraction layer",
    sources: [PLATFORM_GUIDANCE_URL, "https://firebase.google.com/terms"],
  },
  {
    name: "AWS Lambda",
    packages: {
      ...awsSdk("lambda", "Lambda"),
      maven:
        /^(software\.amazon\.awssdk:lambda|com\.amazonaws:aws-java-sdk-lambda|com\.amazonaws:aws-lambda-java-\w+)$/,
      go: /^github\.com\/aws\/(aws-lambda-go|aws-sdk-go-v2\/service\/lambda)$/,
      nuget: /^(AWSSDK\.Lambda|Amazon\.Lambda\.[\w.]+)$/,
      // AWS's Lambda base images: a service built on one runs as a Lambda function.
      docker: /^(public\.ecr\.aws\/lambda\/[\w.-]+|amazon\/aws-lambda-[\w.-]+)$/,
    },
    infrastructure: {
      terraform: /^aws_lambda_\w+$/,
      cloudformation: /^AWS::(Lambda|Serverless)::\w+$/,
      serverless: /^aws$/,
    },
    terms: "a proprietary Amazon Web Services cloud service",
    openAlternatives: "OpenFaaS, Knative or Apache OpenWhisk, or the functions as a container",
    sources: [PLATFORM_GUIDANCE_URL, AWS_TERMS, "https://docs.aws.amazon.com/lambda/latest/dg/images-create.html"],
  },
  {
    name: "Amazon SNS",
    packages: { ...awsSdk("sns", "SimpleNotificationService") },
    infrastructure: { terraform: /^aws_sns_\w+$/, cloudformation: /^AWS::SNS::\w+$/ },
    terms: "a proprietary Amazon Web Services cloud service",
    openAlternatives: "a self-hosted broker (RabbitMQ, NATS, Apache Kafka) or ntfy for push notifications",
    sources: [PLATFORM_GUIDANCE_URL, AWS_TERMS],
  },
  {
    name: "Amazon SQS",
    packages: { ...awsSdk("sqs", "SQS"), npm: /^(@aws-sdk\/client-sqs|sqs-consumer|sqs-producer)$/ },
    infrastructure: { terraform: /^aws_sqs_\w+$/, cloudformation: /^AWS::SQS::\w+$/ },
    terms: "a proprietary Amazon Web Services cloud service",
    openAlternatives: "RabbitMQ, Apache ActiveMQ, NATS JetStream or a Valkey-backed queue",
    sources: [PLATFORM_GUIDANCE_URL, AWS_TERMS],
  },
  {
    name: "Amazon S3",
    packages: {
      ...awsSdk("s3", "S3"),
      npm: /^(@aws-sdk\/(client-s3|lib-storage|s3-request-presigner)|multer-s3)$/,
    },
    infrastructure: { terraform: /^aws_s3_\w+$/, cloudformation: /^AWS::S3::\w+$/ },
    terms: "a proprietary Amazon Web Services cloud service",
    openAlternatives:
      "an S3-compatible open store (Ceph RGW, SeaweedFS, Garage) or the file system behind an abstraction",
    sources: [PLATFORM_GUIDANCE_URL, AWS_TERMS],
  },
  {
    name: "Amazon RDS",
    packages: { ...awsSdk("rds", "RDS"), npm: /^@aws-sdk\/(client-rds|rds-signer)$/ },
    infrastructure: { terraform: /^aws_(db_instance|rds_\w+)$/, cloudformation: /^AWS::RDS::\w+$/ },
    terms: "a proprietary Amazon Web Services cloud service",
    openAlternatives: "the same engine self-hosted (PostgreSQL, MySQL or MariaDB)",
    sources: [PLATFORM_GUIDANCE_URL, AWS_TERMS],
  },
  {
    name: "Amazon QLDB",
    packages: {
      ...awsSdk("qldb", "QLDB"),
      npm: /^(@aws-sdk\/client-qldb(-session)?|amazon-qldb-driver-nodejs)$/,
      pypi: /^pyqldb$/,
      maven: /^(software\.amazon\.awssdk:qldb|software\.amazon\.qldb:amazon-qldb-driver-java)$/,
      go: /^github\.com\/awslabs\/amazon-qldb-driver-go(\/v\d+)?$/,
    },
    infrastructure: { terraform: /^aws_qldb_\w+$/, cloudformation: /^AWS::QLDB::\w+$/ },
    terms: "a proprietary Amazon Web Services cloud service",
    openAlternatives: "immudb, or PostgreSQL with an append-only, hash-chained audit table",
    sources: [PLATFORM_GUIDANCE_URL, AWS_TERMS, "https://aws.amazon.com/qldb/faqs/"],
  },
  {
    name: "Amazon Web Services (SDK for all services; which ones are used is not in the manifest)",
    packages: {
      npm: /^aws-sdk$/,
      pypi: /^(boto3|botocore|aioboto3)$/,
      maven: /^com\.amazonaws:aws-java-sdk$/,
      go: /^github\.com\/aws\/aws-sdk-go$/,
      rubygems: /^aws-sdk$/,
      composer: /^aws\/aws-sdk-php$/,
    },
    infrastructure: { terraform: /^aws$/ },
    terms: "a proprietary Amazon Web Services cloud service",
    openAlternatives: "an open alternative for each AWS service the code calls",
    sources: [PLATFORM_GUIDANCE_URL, AWS_TERMS],
  },
  {
    name: "Google Cloud Storage",
    packages: {
      npm: /^@google-cloud\/storage$/,
      pypi: /^google-cloud-storage$/,
      maven: /^com\.google\.cloud:google-cloud-storage$/,
      go: /^cloud\.google\.com\/go\/storage$/,
      nuget: /^Google\.Cloud\.Storage\.V1$/,
      composer: /^google\/cloud-storage$/,
      rubygems: /^google-cloud-storage$/,
    },
    infrastructure: { terraform: /^google_storage_\w+$/ },
    terms: "a proprietary Google cloud service",
    openAlternatives:
      "an S3-compatible open store (Ceph RGW, SeaweedFS, Garage) or the file system behind an abstraction",
    sources: [PLATFORM_GUIDANCE_URL, GOOGLE_CLOUD_TERMS],
  },
  {
    name: "Google Cloud Logging",
    packages: {
      npm: /^@google-cloud\/logging(-winston|-bunyan)?$/,
      pypi: /^google-cloud-logging$/,
      maven: /^com\.google\.cloud:google-cloud-logging(-logback)?$/,
      go: /^cloud\.google\.com\/go\/logging$/,
      nuget: /^Google\.Cloud\.Logging\.V2$/,
      composer: /^google\/cloud-logging$/,
      rubygems: /^google-cloud-logging$/,
    },
    infrastructure: { terraform: /^google_logging_\w+$/ },
    terms: "a proprietary Google cloud service",
    openAlternatives: "OpenTelemetry with Grafana Loki or OpenSearch, or plain log files",
    sources: [PLATFORM_GUIDANCE_URL, GOOGLE_CLOUD_TERMS],
  },
  {
    name: "Google Earth Engine",
    packages: { npm: /^@google\/earthengine$/, pypi: /^(earthengine-api|geemap)$/ },
    infrastructure: {},
    terms: "a proprietary Google cloud service",
    openAlternatives: "openEO, Open Data Cube, or STAC catalogues processed with GDAL or rasterio",
    sources: [PLATFORM_GUIDANCE_URL, "https://earthengine.google.com/terms/"],
  },
  {
    name: "Auth0",
    packages: {
      npm: /^(auth0|auth0-js|auth0-lock|@auth0\/.+)$/,
      pypi: /^auth0-python$/,
      maven: /^com\.auth0:(auth0|auth0-spring-security-api|mvc-auth-commons)$/,
      rubygems: /^(auth0|omniauth-auth0)$/,
      composer: /^auth0\/(auth0-php|login|symfony|laravel-auth0)$/,
      nuget: /^Auth0\.[\w.]+$/,
      go: /^github\.com\/auth0\/go-auth0$/,
      pub: /^auth0_flutter$/,
    },
    infrastructure: { terraform: /^auth0(_\w+)?$/ },
    terms: "a proprietary identity service (Okta)",
    openAlternatives: "Keycloak, Ory, Authentik or ZITADEL (any OpenID Connect provider)",
    sources: [PLATFORM_GUIDANCE_URL, "https://auth0.com/legal"],
  },
  {
    name: "Microsoft IIS",
    packages: {
      nuget: /^Microsoft\.AspNetCore\.Server\.IIS(Integration)?$/,
      // Microsoft's IIS images (Windows Server Core with IIS).
      docker: /^(mcr\.microsoft\.com\/windows\/servercore\/iis|microsoft\/iis)$/,
    },
    infrastructure: { iis: /./ },
    terms: "a proprietary Microsoft web server, part of Windows",
    openAlternatives: "Kestrel behind nginx or Apache httpd",
    sources: [
      PLATFORM_GUIDANCE_URL,
      "https://www.microsoft.com/licensing/terms/",
      "https://hub.docker.com/r/microsoft/windows-servercore-iis",
    ],
  },
];

/** The closed cloud service a dependency's SDK belongs to, if any. */
export function cloudServiceOfDependency(dependency: Dependency): ClosedCloudService | undefined {
  return CLOSED_CLOUD_SERVICES.find((service) => service.packages[dependency.ecosystem]?.test(dependency.name));
}

/** The closed cloud service an infrastructure file's provider or resource belongs to, if any. */
export function cloudServiceOfReference(reference: InfrastructureReference): ClosedCloudService | undefined {
  return CLOSED_CLOUD_SERVICES.find((service) => service.infrastructure[reference.kind]?.test(reference.name));
}
