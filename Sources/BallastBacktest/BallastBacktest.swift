// BallastBacktest
