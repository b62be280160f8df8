// The sections a DPG reviewer expects in a README (indicator 5): what, install, run, deploy, contribute.

export const README_OUTLINE_TEMPLATE = `# <Project name>

<One paragraph: what the project does, for whom, and which problem it solves.>

## Installation

<Prerequisites and the exact commands to install.>

## Usage

<How to run it, with an example.>

## Deployment

<How to deploy it in production, or a link to the deployment guide.>

## Documentation

<Link to the full documentation: a docs/ folder or a website.>

## Contributing

<How to report bugs and propose changes; link CONTRIBUTING.md.>

## Licence

<Licence name, with a link to the LICENSE file.>
`;
