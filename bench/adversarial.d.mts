// Types for bench/adversarial.mjs, which the tests import.
export type Shape = (size: number) => string
export const TEXT_SHAPES: Record<string, Shape>
export const HTML_SHAPES: Record<string, Shape>
export const TEXT_SIZES: number[]
export const HTML_SIZES: number[]
