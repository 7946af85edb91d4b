export const root: string;
export const INPUTS_FILE: string;
export const ALWAYS: string[];
export function hashOf(file: string): string;
export function recordInputs(file: string, inputs: string[]): void;
