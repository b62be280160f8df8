// A minimal SECURITY.md: the one thing reviewers of indicator 9a look for first is a private
// way to report a vulnerability.

export const SECURITY_POLICY_TEMPLATE = `# Security policy

## Reporting a vulnerability

Please do not open a public issue for security problems.
Report them privately to **<security contact: an e-mail address or a link to a private advisory form>**.

We acknowledge reports within <N> working days and tell you what we will do and when.

## Supported versions

Security fixes are made for <the latest release / these versions>.

## Personal data

<Say whether the project collects, stores or distributes personal data, and how it is protected:
encryption, access control, retention, and who to contact about data protection.>
`;
