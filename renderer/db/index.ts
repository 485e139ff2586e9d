/** The device's database. Features read and write only through this folder. */
import { GapbridgeDatabase } from './database';

export const db = new GapbridgeDatabase();
