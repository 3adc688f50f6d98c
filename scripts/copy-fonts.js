// Part of the build: copies the four Noto Sans faces the PDF renderer draws (JP and SC, regular
// and bold; see src/adapters/pdf/fonts.ts), gzipped, and their SIL Open Font Licence into fonts/,
// which ships in the package. The font packages themselves (nine weights each, 141 MB) stay
// devDependencies: an install carries 18 MB of fonts instead of 141 (31 MB as plain TTF).
// gzip rather than brotli: about 15 % larger, but it inflates twice as fast when a report opens it.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'fonts');
const FACES = {
  'NotoSansJP-Regular.ttf.gz': '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  'NotoSansJP-Bold.ttf.gz': '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
  'NotoSansSC-Regular.ttf.gz': '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  'NotoSansSC-Bold.ttf.gz': '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  // Both packages carry the same licence text (SIL OFL 1.1, Copyright Adobe).
  'OFL.txt': '@expo-google-fonts/noto-sans-jp/LICENSE_FONT',
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out);
for (const [name, from] of Object.entries(FACES)) {
  if (name.endsWith('.gz')) writeFileSync(join(out, name), gzipSync(readFileSync(require.resolve(from)), { level: 9 }));
  else copyFileSync(require.resolve(from), join(out, name));
}
