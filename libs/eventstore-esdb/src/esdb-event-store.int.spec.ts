import { describeEventStoreContract } from '@gongzhi/testing';
import { EventStoreDbEventStore } from './esdb-event-store';

// Runs only when EVENTSTORE_URL names a server (jest.config.js leaves this file out otherwise).
describeEventStoreContract('EventStoreDB', { open: () => EventStoreDbEventStore.connect(process.env.EVENTSTORE_URL!) });
