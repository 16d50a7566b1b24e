import SchemaBuilder from '@pothos/core';
import type { Context } from './context';

/** The one Pothos schema builder; every file in schema/ adds its types to it. */
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
}>({
  defaultFieldNullability: false,
});

builder.queryType({ description: 'Chain Atlas: industry chains, their enterprises and the links between them.' });
