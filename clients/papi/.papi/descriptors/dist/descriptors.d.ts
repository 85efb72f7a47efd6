export declare const Modreg: Record<string, object>;
