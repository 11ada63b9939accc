// datapackage (Frictionless's JavaScript library) ships no types: the part the open-data test uses.
declare module "datapackage" {
  export class Resource {
    name: string;
    read(options?: { cast?: boolean; relations?: boolean; keyed?: boolean }): Promise<unknown[]>;
  }
  export class Package {
    static load(descriptor: string | object, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    valid: boolean;
    errors: Error[];
    descriptor: { profile?: string; [key: string]: unknown };
    resources: Resource[];
  }
}
