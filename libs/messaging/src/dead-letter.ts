/** Where a consumer puts what it cannot use: `<topic>.dlq`, with the reason and the original headers. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}
