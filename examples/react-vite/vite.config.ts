import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// kelisim needs nothing here: its dynamic imports become chunks of the app, loaded only
// when something must be shown (the banner, an embed's placeholder, the reopen control).
export default defineConfig({
  plugins: [react()],
});
