export { residentsRoutes } from './residents.routes.ts';
