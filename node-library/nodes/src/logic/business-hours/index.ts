export { businessHours } from './business-hours.node';
