export { LocalCarrier, DEFAULT_WEIGHT_TABLE, type LocalCarrierOptions, type WeightBand } from './local-carrier';
export { CarrierError, type CarrierAdapter, type CreateShipmentRequest, type Rate, type RateRequest } from './types';
