/** `npm run reset`: delete the local cloud's data folder (the next `npm start` seeds again). */
import { rmSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

const ROOT = join(__dirname, '../..');
const dataEnv = process.env.LOCAL_CLOUD_DATA || '.local-cloud';
const dataDir = isAbsolute(dataEnv) ? dataEnv : join(ROOT, dataEnv);
rmSync(dataDir, { recursive: true, force: true });
console.log(`已删除本地云数据：${dataDir}`);
