/** The charity's values (content/values/). */
import { defineSchema, integer, text } from './fields';

/** Fields of a value. */
export const valuesSchema = defineSchema([
  text({
    name: 'title',
    label: 'Name',
    hint: 'The value in one or two words, such as "Hope".',
    required: true,
    max: 40,
  }),
  text({
    name: 'summary',
    label: 'Summary',
    hint: 'One line shown on the values page, up to 160 characters.',
    required: true,
    max: 160,
  }),
  integer({
    name: 'order',
    label: 'Order',
    hint: 'Where it comes in the list: 1 is first. Each value needs its own number.',
    required: true,
    min: 1,
    max: 99,
  }),
]);
