/** Port: carries a reporter notification to an SMS or messaging gateway. */
export interface NotificationGateway {
  deliver(notification: OutgoingNotification): Promise<void>;
}

export interface OutgoingNotification {
  readonly id: string;
  readonly recipientId: string;
  readonly caseId: string;
  readonly kind: string;
  readonly message: { readonly zh: string; readonly en: string };
  readonly createdAt: string;
}

/** POSTs each notification as JSON; the gateway deduplicates on `id` (delivery is at least once). */
export class WebhookNotificationGateway implements NotificationGateway {
  constructor(
    private readonly url: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async deliver(notification: OutgoingNotification): Promise<void> {
    const response = await this.fetchImpl(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': notification.id },
      body: JSON.stringify(notification),
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`notification webhook answered ${response.status}`);
  }
}

/** No gateway configured: notifications stay in the app's inbox only. */
export const IN_APP_ONLY: NotificationGateway = { deliver: async () => undefined };
